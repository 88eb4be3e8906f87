using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Audit;
using PrivacyKit.BlindIndexes;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;
using PrivacyKit.Tests.Keys;
using PrivacyKit.Tests.TestSupport;

namespace PrivacyKit.Tests.Encryption;

/// <summary>
/// One application instance wired through the real registration: AddPrivacyKit, a test KEK, a data-key
/// store (shared between hosts to model several instances), a fake clock and a recording audit trail.
/// </summary>
public sealed class EncryptionTestHost : IDisposable
{
    private readonly ServiceProvider _provider;

    public EncryptionTestHost(
        IDataKeyStore? store = null,
        TestKeyEncryptionKey? kek = null,
        int cacheSize = 4096,
        TimeSpan? cacheLifetime = null,
        FakeTimeProvider? time = null)
    {
        Store = store ?? new InMemoryDataKeyStore();
        Kek = kek ?? new TestKeyEncryptionKey();
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<IAuditTrail>(Audit);
        services.AddLogging(b => b.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Trace).AddProvider(Logs));
        services.AddPrivacyKit()
            .AddKeyEncryptionKey(Kek)
            .ConfigureFieldEncryption(o =>
            {
                o.KeyCacheSize = cacheSize;
                o.KeyCacheLifetime = cacheLifetime ?? TimeSpan.FromMinutes(2);
            });
        services.AddSingleton(Store);
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public IDataKeyStore Store { get; }

    public TestKeyEncryptionKey Kek { get; }

    public FakeTimeProvider Time { get; }

    public RecordingAuditTrail Audit { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public IFieldEncryptor Encryptor => _provider.GetRequiredService<IFieldEncryptor>();

    public IDataKeyManager Keys => _provider.GetRequiredService<IDataKeyManager>();

    public IBlindIndexer BlindIndexer => _provider.GetRequiredService<IBlindIndexer>();

    internal DataKeyManager Manager => _provider.GetRequiredService<DataKeyManager>();

    public static EncryptionContext Context(string subject = "42", string entity = "Customer", string property = "Email") =>
        EncryptionContext.ForSubject(entity, property, subject);

    public void Dispose() => _provider.Dispose();
}
