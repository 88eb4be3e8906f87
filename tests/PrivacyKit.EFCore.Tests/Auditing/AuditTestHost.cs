using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.EFCore.Auditing;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Stores.Audit;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Auditing;

/// <summary>
/// An application for the auditing tests: AddPrivacyKit with either the EF audit store (records in the CRM database)
/// or an in-memory sink, the CRM context registered with the auditing interceptors, and a test database.
/// </summary>
internal sealed class AuditTestHost : IAsyncDisposable
{
    private readonly IInterceptor[] _interceptors;

    private readonly bool _ownsDatabase;

    private AuditTestHost(TestDatabase database, bool withStore, Action<EntityFrameworkAuditOptions>? configure, bool ownsDatabase = true)
    {
        Database = database;
        _ownsDatabase = ownsDatabase;
        WithStore = withStore;
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        var builder = services.AddPrivacyKit(o => o.InstanceId = "crm-1");
        if (withStore)
        {
            AuditStoreServices.Add<AuditCrmContext>(services);
        }
        else
        {
            builder.AddBatchedAuditSink(Sink, AuditSinkPolicy.MustSucceed);
        }

        if (configure is not null)
        {
            builder.ConfigureEntityFrameworkAuditing(configure);
        }

        builder.ConfigureAudit(o => o.CheckpointInterval = 3).AddAuditCheckpointSink(Checkpoints);

        services.AddScoped(sp => CreateContext());
        Services = services.BuildServiceProvider();
        // Without UsePrivacyKit: its options extension is what hooks materialisation, so add that hook here.
        _interceptors = [.. AuditingInterceptors.Create(Services), MaterializingBindingInterceptor.Instance];
    }

    public TestDatabase Database { get; }

    public bool WithStore { get; }

    public ServiceProvider Services { get; }

    public InMemoryAuditSink Sink { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public MemoryCheckpointSink Checkpoints { get; } = new();

    public IPrivacyContextAccessor Accessor => Services.GetRequiredService<IPrivacyContextAccessor>();

    public static async Task<AuditTestHost> CreateAsync(string provider, bool withStore = true, Action<EntityFrameworkAuditOptions>? configure = null)
    {
        var host = new AuditTestHost(await ProviderData.CreateAsync(provider), withStore, configure);
        await using var context = host.CreateContext();
        await context.Database.EnsureCreatedAsync();
        return host;
    }

    /// <summary>Another instance of the same application on the same database, as after a restart.</summary>
    public AuditTestHost Restarted() => new(Database, WithStore, null, ownsDatabase: false);

    public AuditCrmContext CreateContext()
    {
        var options = Database.Configure(new DbContextOptionsBuilder<AuditCrmContext>())
            .ReplaceService<IModelCacheKeyFactory, AuditCrmModelCacheKeyFactory>()
            // Every test is an application of its own; EF Core counts their internal providers process-wide.
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));
        if (_interceptors is not null)
        {
            options.AddInterceptors(_interceptors);
        }

        return new AuditCrmContext(options.Options, WithStore);
    }

    public IDisposable As(string actorId, string purpose = "support", params string[] roles) =>
        Accessor.Push(new PrivacyContext(new PrivacyActor(actorId, roles)) { Purpose = purpose, CorrelationId = "corr-" + actorId });

    /// <summary>The records of the chain written inside transactions, in chain order.</summary>
    public async Task<List<AuditRecord>> TransactionRecordsAsync()
    {
        var reader = Services.GetRequiredService<AuditStoreSink<AuditCrmContext>>();
        var records = new List<AuditRecord>();
        await foreach (var record in reader.QueryAsync(new AuditQuery { InstanceId = "crm-1:ef" }))
        {
            records.Add(record);
        }

        return records;
    }

    public async Task<AuditVerificationResult> VerifyAsync() =>
        await Services.GetRequiredService<AuditChainVerifier>().VerifyAsync(Services.GetRequiredService<AuditStoreSink<AuditCrmContext>>(), Checkpoints.Items);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }
}
