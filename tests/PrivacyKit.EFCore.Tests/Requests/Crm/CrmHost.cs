using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Requests;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Keys;
using PrivacyKit.Requests;
using PrivacyKit.Retention;

namespace PrivacyKit.EFCore.Tests.Requests.Crm;

/// <summary>
/// A throw-away CRM database with PrivacyKit registered on it (in-memory keys, an in-memory audit sink, a fake clock)
/// and a seed of subjects whose values are canaries: each appears nowhere else, so raw SQL can tell whose data is left.
/// </summary>
internal sealed class CrmHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static int _attachmentIds;

    private CrmHost(TestDatabase database, ServiceProvider provider, FakeTimeProvider time, InMemoryAuditSink audit, CollectingLoggerProvider logs)
    {
        Logs = logs;
        Database = database;
        Provider = provider;
        Time = time;
        Audit = audit;
    }

    public TestDatabase Database { get; }

    public ServiceProvider Provider { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryAuditSink Audit { get; }

    /// <summary>Every log line written through the application's logging (PrivacyKit's and EF Core's, SQL parameters excluded).</summary>
    public CollectingLoggerProvider Logs { get; }

    public static async Task<CrmHost> CreateAsync(
        string provider,
        Action<EntityFrameworkPersonalDataOptions>? configure = null,
        Action<DbContextOptionsBuilder>? context = null,
        Action<IPrivacyKitBuilder>? configureKit = null)
    {
        var database = await ProviderData.CreateAsync(provider);
        var time = new FakeTimeProvider(Now);
        var audit = new InMemoryAuditSink();
        var logs = new CollectingLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton<TimeProvider>(time);
        services.AddDbContext<CrmContext>(o =>
        {
            database.Configure(o)
                .AddInterceptors(PlaintextShadowInterceptor.Instance)
                .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
            context?.Invoke(o);
        });
        var kit = services.AddPrivacyKit(o => o.ApplicationName = "crm")
            .AddKeyEncryptionKey(new InMemoryKeyEncryptionKey())
            .AddInMemoryDataKeyStore()
            .AddBatchedAuditSink(audit, AuditSinkPolicy.MustSucceed)
            .AddEntityFrameworkPersonalData<CrmContext>(o =>
            {
                o.SourceName = "crm.database";
                o.BatchSize = 2;
                o.Recipients.Add("payment processor");
                configure?.Invoke(o);
            });
        configureKit?.Invoke(kit);
        var host = new CrmHost(database, services.BuildServiceProvider(), time, audit, logs);
        await using var scope = host.Provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrmContext>().Database.EnsureCreatedAsync();
        return host;
    }

    /// <summary>Seeds a subject with canary values derived from <paramref name="tag"/>: 1 customer, 3 notes (one with an attachment), 2 deals, 2 activities.</summary>
    public async Task<Customer> SeedAsync(string tag)
    {
        var customer = new Customer
        {
            Name = $"name-{tag}",
            Email = $"{tag}@example.org",
            Phone = $"phone-{tag}",
            BirthYear = 1980,
            Address = new Address { Street = $"street-{tag}", City = "Berlin" },
            Notes =
            [
                new Note { Text = $"note1-{tag}", Attachments = [new Attachment { Id = Interlocked.Increment(ref _attachmentIds), FileName = $"file-{tag}.pdf" }] },
                new Note { Text = $"note2-{tag}" },
                new Note { Text = $"note3-{tag}" },
            ],
            Deals =
            [
                new Deal { Title = "renewal", Amount = 120m, ClosedAt = Now.AddYears(-2), PaymentReference = $"payref-old-{tag}" },
                new Deal { Title = "upsell", Amount = 80m, ClosedAt = Now.AddMonths(-1), PaymentReference = $"payref-new-{tag}" },
            ],
            Activities =
            [
                new Activity { Subject = $"call-old-{tag}", At = Now.AddDays(-40) },
                new Activity { Subject = $"call-new-{tag}", At = Now.AddDays(-5) },
            ],
        };
        await using var scope = Provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmContext>();
        db.Customers.Add(customer);
        if (!await db.Products.AnyAsync())
        {
            db.Products.Add(new Product { Id = 1, Name = "CRM licence" });
        }

        await db.SaveChangesAsync();
        return customer;
    }

    public static IEnumerable<string> CanariesOf(string tag) =>
    [
        $"name-{tag}", $"{tag}@example.org", PlaintextShadowInterceptor.IndexOf($"{tag}@example.org")!, $"phone-{tag}", $"street-{tag}",
        $"note1-{tag}", $"note2-{tag}", $"note3-{tag}", $"file-{tag}.pdf", $"payref-old-{tag}", $"payref-new-{tag}",
        $"call-old-{tag}", $"call-new-{tag}",
    ];

    public IPersonalDataSource Source(IServiceProvider scoped) =>
        scoped.GetServices<IPersonalDataSource>().Single(s => s.Name == "crm.database");

    public static PersonalDataSourceContext Request(Customer customer, SubjectRequestKind kind, params string[] scope) => new()
    {
        RequestId = "req-" + Guid.NewGuid().ToString("N"),
        SubjectId = customer.Id.ToString("D"),
        Kind = kind,
        Scope = scope,
    };

    /// <summary>Erases every entity type the source finds for the request's subject, as the executor does without holds.</summary>
    public static async Task<IReadOnlyList<PersonalDataChange>> EraseEverythingAsync(IPersonalDataSource source, PersonalDataSourceContext request) =>
        await source.EraseAsync(request, [.. (await source.FindAsync(request)).Select(l => l.EntityType)]);

    public ValueTask PlaceHoldAsync(Customer customer, params string[] entityTypes) =>
        Provider.GetRequiredService<ILegalHoldStore>().PlaceAsync(new LegalHold
        {
            Id = "hold-" + Guid.NewGuid().ToString("N")[..8],
            SubjectId = customer.Id.ToString("D"),
            Reason = "case 2026-17",
            EntityTypes = entityTypes,
            PlacedAt = Now,
            PlacedBy = "legal",
        });

    /// <summary>Every value of every column of every table, read with raw SQL (ciphertext, blind index and shadow columns included).</summary>
    public Task<List<string>> AllStoredValuesAsync() => RawTables.AllValuesAsync(Database);

    public async Task<List<IReadOnlyList<string>>> AuditEventsAsync()
    {
        await Provider.GetRequiredService<IAuditPipeline>().FlushAsync();
        return [.. Audit.Records.Select(r => (IReadOnlyList<string>)[r.Event.Action ?? "", r.Event.SubjectId ?? "", r.Event.ResourceType ?? "", r.Event.ResourceId ?? "", string.Join(',', r.Event.Fields), r.Event.Reason ?? "", .. r.Event.Properties.Values])];
    }

    public async ValueTask DisposeAsync()
    {
        await Provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}
