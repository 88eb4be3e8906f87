using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Audit;
using PrivacyKit.Consent;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;
using PrivacyKit.Requests;
using PrivacyKit.Retention;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>
/// One application instance on a shared test database, wired through the real registration: AddPrivacyKit, a shared
/// in-memory KEK, AddEntityFrameworkStores on <see cref="StoreTestContext"/> (through a context factory or a scope
/// per operation), its own data-key cache and a fake clock. Several hosts on one database model several instances.
/// </summary>
internal sealed class StoreTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    private StoreTestHost(TestDatabase database, IKeyEncryptionKey kek, FakeTimeProvider time, bool useFactory, TimeSpan cacheLifetime, Action<IServiceCollection>? configure)
    {
        Database = database;
        Time = time;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<IAuditTrail>(Audit);
        services.AddLogging();
        if (useFactory)
        {
            services.AddDbContextFactory<StoreTestContext>(o => PooledConnections.Configure(database, o));
        }
        else
        {
            services.AddDbContext<StoreTestContext>(o => PooledConnections.Configure(database, o));
        }

        services.AddPrivacyKit()
            .AddKeyEncryptionKey(kek)
            .ConfigureFieldEncryption(o => o.KeyCacheLifetime = cacheLifetime)
            .AddEntityFrameworkStores<StoreTestContext>();
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; }

    public RecordingAuditTrail Audit { get; } = new();

    public IServiceProvider Services => _provider;

    public IDataKeyStore Keys => _provider.GetRequiredService<IDataKeyStore>();

    public IDataKeyManager KeyManager => _provider.GetRequiredService<IDataKeyManager>();

    public IFieldEncryptor Encryptor => _provider.GetRequiredService<IFieldEncryptor>();

    public IConsentStore Consent => _provider.GetRequiredService<IConsentStore>();

    public ILegalHoldStore Holds => _provider.GetRequiredService<ILegalHoldStore>();

    public ISubjectRequestStore Requests => _provider.GetRequiredService<ISubjectRequestStore>();

    /// <summary>Creates the schema (once per database) and a host on it.</summary>
    public static async Task<StoreTestHost> CreateAsync(
        TestDatabase database,
        IKeyEncryptionKey? kek = null,
        FakeTimeProvider? time = null,
        bool useFactory = true,
        TimeSpan? cacheLifetime = null,
        Action<IServiceCollection>? configure = null)
    {
        await using (var context = new StoreTestContext(database.Configure(new DbContextOptionsBuilder<StoreTestContext>()).Options))
        {
            await context.Database.EnsureCreatedAsync();
        }

        return new StoreTestHost(database, kek ?? new InMemoryKeyEncryptionKey(), time ?? new FakeTimeProvider(Start), useFactory, cacheLifetime ?? TimeSpan.FromMinutes(2), configure);
    }

    public StoreTestContext CreateContext() => new(Database.Configure(new DbContextOptionsBuilder<StoreTestContext>()).Options);

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
