using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Classification;
using PrivacyKit.Context;
using PrivacyKit.EFCore.Jobs;
using PrivacyKit.EFCore.Tests.Jobs;
using PrivacyKit.EFCore.Requests;
using PrivacyKit.EFCore.RowScope;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Keys;
using PrivacyKit.Requests;

using PrivacyKit.Tests.Keys;

namespace PrivacyKit.EFCore.Tests.EndToEnd;

/// <summary>
/// The CRM application registered only the way a user does it: AddPrivacyKit with a KEK and access control, the EF
/// stores, personal data and jobs, and AddDbContext with UsePrivacyKit. Roles: sales-rep (own customers, clear),
/// support (all customers, contact data masked), dpo (all, clear).
/// </summary>
internal sealed class CrmApp : IAsyncDisposable
{
    public const string InstanceId = "crm-e2e";

    private CrmApp(TestDatabase database, ServiceProvider services, CapturingLoggerProvider logs)
    {
        Database = database;
        Services = services;
        Logs = logs;
    }

    /// <summary>Every log line of the application, PrivacyKit's and EF Core's, from Debug up.</summary>
    public CapturingLoggerProvider Logs { get; }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public IPrivacyContextAccessor Accessor => Services.GetRequiredService<IPrivacyContextAccessor>();

    public static async Task<CrmApp> CreateAsync(string provider)
    {
        var database = await ProviderData.CreateAsync(provider);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddPrivacyKit(o =>
            {
                o.ApplicationName = "crm";
                o.InstanceId = InstanceId;
            })
            .AddKeyEncryptionKey(new InMemoryKeyEncryptionKey())
            .AddAccessControl(o =>
            {
                o.TrustClaimedRoles = true;
                o.AddRole("sales-rep").Allow(Access.RowScope.Own, "customers:read").WithDefaultFieldAccess(FieldAccess.Clear);
                o.AddRole("support").Allow(Access.RowScope.All, "customers:read").WithDefaultFieldAccess(FieldAccess.Clear)
                    .WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Masked);
                o.AddRole("dpo").Allow(Access.RowScope.All, "customers:read").WithDefaultFieldAccess(FieldAccess.Clear);
                o.MapRowScope<E2eCustomer>(nameof(E2eCustomer.OwnerId));
            })
            .AddEntityFrameworkStores<E2eCrmContext>()
            .AddEntityFrameworkPersonalData<E2eCrmContext>(o =>
            {
                o.SourceName = "crm.database";
                o.Erase("E2eCustomer", ErasureStrategy.ShredKey);
            })
            .AddEntityFrameworkJobs<E2eCrmContext>()
            .ConfigureEntityFrameworkRowScope(o => o.MapResource<E2eCustomer>("customers"));
        services.AddDbContext<E2eCrmContext>((sp, o) => database.Configure(o)
            .UsePrivacyKit(sp, pk => pk.EnforceFieldAccess<E2eCustomer>("customers:read"))
            // Not a user's line: this test process hosts hundreds of applications with different EF configurations,
            // which EF Core counts process-wide. One application builds one provider (see the test on it).
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)));
        var app = new CrmApp(database, services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }), logs);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<E2eCrmContext>().Database.EnsureCreatedAsync();
        return app;
    }

    /// <summary>A unit of work (a request scope) with its context.</summary>
    public async Task<T> InScopeAsync<T>(Func<E2eCrmContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<E2eCrmContext>());
    }

    public Task InScopeAsync(Func<E2eCrmContext, Task> work) => InScopeAsync(async db =>
    {
        await work(db);
        return 0;
    });

    public IDisposable As(string actorId, params string[] roles) =>
        Accessor.Push(new PrivacyContext(new PrivacyActor(actorId, roles)) { Purpose = "crm", CorrelationId = "corr-" + actorId });

    public IDisposable AsSystem() => Accessor.Push(new PrivacyContext(PrivacyActor.System) { Purpose = "subject-request" });

    /// <summary>A customer with two contacts, two deals, two notes and two activities; every value contains <paramref name="tag"/>.</summary>
    public static E2eCustomer NewCustomer(string tag, string owner) => new()
    {
        OwnerId = owner,
        Name = $"name-{tag}",
        Email = $"{tag}@example.org",
        HealthNote = $"health-{tag}",
        LastContactAt = DateTimeOffset.UtcNow,
        Contacts =
        [
            new E2eContact { FullName = $"contact1-{tag}", Phone = "+49 30 " + (1000 + Math.Abs(tag.GetHashCode(StringComparison.Ordinal) % 9000)).ToString(CultureInfo.InvariantCulture) },
            new E2eContact { FullName = $"contact2-{tag}", Phone = null },
        ],
        Deals = [new E2eDeal { Title = $"deal1-{tag}", Amount = 1234.5m }, new E2eDeal { Title = $"deal2-{tag}", Amount = 99m }],
        Notes = [new E2eNote { Text = $"note1-{tag}" }, new E2eNote { Text = $"note2-{tag}" }],
        Activities = [new E2eActivity { Summary = $"call-{tag}" }, new E2eActivity { Summary = $"meeting-{tag}" }],
    };

    /// <summary>The personal values of a customer made by <see cref="NewCustomer"/>, as text.</summary>
    public static List<string> PersonalValues(E2eCustomer c) =>
    [
        c.Name, c.Email!, c.HealthNote!, .. c.Contacts.Select(x => x.FullName), .. c.Contacts.Where(x => x.Phone is not null).Select(x => x.Phone!),
        .. c.Notes.Select(n => n.Text), .. c.Activities.Select(a => a.Summary),
    ];

    public async Task<E2eCustomer> SeedAsync(string tag, string owner)
    {
        var customer = NewCustomer(tag, owner);
        using (As(owner, "sales-rep"))
        {
            await InScopeAsync(async db =>
            {
                db.Customers.Add(customer);
                await db.SaveChangesAsync();
            });
        }

        return customer;
    }

    public IPersonalDataSource Source(IServiceProvider scoped) => scoped.GetServices<IPersonalDataSource>().Single(s => s.Name == "crm.database");

    public static PersonalDataSourceContext Request(E2eCustomer customer, SubjectRequestKind kind) => new()
    {
        RequestId = "req-" + Guid.NewGuid().ToString("N"),
        SubjectId = customer.Id.ToString("D"),
        Kind = kind,
    };

    /// <summary>Every non-null value of every column of every table, read with raw SQL.</summary>
    public Task<List<string>> AllStoredValuesAsync() => RawTables.AllValuesAsync(Database);

    /// <summary>The records the EF audit store holds, all chains, in chain order, after the pipeline drained.</summary>
    public async Task<List<AuditRecord>> AuditRecordsAsync(string? instanceId = null)
    {
        await Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        var records = new List<AuditRecord>();
        await foreach (var record in Services.GetRequiredService<IAuditReader>().QueryAsync(new AuditQuery { InstanceId = instanceId }))
        {
            records.Add(record);
        }

        return records;
    }

    public async Task<AuditVerificationResult> VerifyAuditAsync()
    {
        await Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        return await Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(Services.GetRequiredService<IAuditReader>());
    }

    /// <summary>Asserts that none of <paramref name="values"/> appears in any log line or exception logged so far.</summary>
    public void AssertNotLogged(IEnumerable<string> values)
    {
        var lines = Logs.Entries.Select(e => e.Text).ToList();
        Assert.NotEmpty(lines);
        foreach (var value in values)
        {
            Assert.DoesNotContain(lines, line => line.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    public IPrivacyKitJobs Jobs => Services.GetRequiredService<IPrivacyKitJobs>();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
