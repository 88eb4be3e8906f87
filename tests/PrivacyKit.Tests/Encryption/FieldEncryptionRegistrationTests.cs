using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.Tests.Encryption;

/// <summary>The builder registrations of keys and encryption (PrivacyKitBuilderExtensions.Keys/Encryption).</summary>
public sealed class FieldEncryptionRegistrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("privacykit-di-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void AddPrivacyKit_NoKeyEncryptionKey_ResolvingSaysWhatToCall()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit().AddInMemoryDataKeyStore();
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IFieldEncryptor>());
        Assert.Contains("AddLocalKeyEncryptionKey", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddPrivacyKit_NoDataKeyStore_ResolvingSaysWhatToCall()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit().AddKeyEncryptionKey(new InMemoryKeyEncryptionKey());
        using var provider = services.BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IDataKeyManager>());
        Assert.Contains("AddFileDataKeyStore", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalKeyFileAndFileStore_WorkEndToEndWithoutAuditAndSurviveARestart()
    {
        var kekFile = Path.Combine(_folder, "kek.json");
        var storeFile = Path.Combine(_folder, "keys.json");
        var context = EncryptionContext.ForSubject("Customer", "Email", "42");
        byte[] ciphertext;
        using (var provider = Build(kekFile, storeFile))
        {
            ciphertext = provider.GetRequiredService<IFieldEncryptor>().Encrypt("ann@example.org", context);
            Assert.True(File.Exists(kekFile));
            Assert.Same(provider.GetRequiredService<IDataKeyManager>(), provider.GetRequiredService<IDataKeyManager>());
        }

        using var restarted = Build(kekFile, storeFile);
        Assert.Equal("ann@example.org", restarted.GetRequiredService<IFieldEncryptor>().Decrypt<string>(ciphertext, context));

        // No audit trail is registered: key operations still work.
        Assert.Equal(1, await restarted.GetRequiredService<IDataKeyManager>().ShredAsync(context.Scope));
        Assert.Throws<DataKeyErasedException>(() => restarted.GetRequiredService<IFieldEncryptor>().Decrypt<string>(ciphertext, context));
    }

    [Fact]
    public void AddKeyEncryptionKeyOfT_AndAddDataKeyStoreOfT_ReplaceEarlierRegistrations()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit()
            .AddLocalKeyEncryptionKey(Path.Combine(_folder, "unused.json"))
            .AddKeyEncryptionKey<InMemoryKeyEncryptionKey>()
            .AddFileDataKeyStore(Path.Combine(_folder, "unused-store.json"))
            .AddDataKeyStore<InMemoryDataKeyStore>();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<InMemoryKeyEncryptionKey>(provider.GetRequiredService<IKeyEncryptionKey>());
        Assert.IsType<InMemoryDataKeyStore>(provider.GetRequiredService<IDataKeyStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IKeyEncryptionKey));
        Assert.False(File.Exists(Path.Combine(_folder, "unused.json")));
    }

    [Fact]
    public void BuilderMethods_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddPrivacyKit();

        Assert.Throws<ArgumentNullException>(() => builder.AddKeyEncryptionKey(null!));
        Assert.Throws<ArgumentException>(() => builder.AddLocalKeyEncryptionKey(""));
        Assert.Throws<ArgumentNullException>(() => builder.ConfigureFieldEncryption(null!));
        Assert.Throws<ArgumentNullException>(() => ((IPrivacyKitBuilder)null!).AddInMemoryDataKeyStore());
    }

    private static ServiceProvider Build(string kekFile, string storeFile)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPrivacyKit().AddLocalKeyEncryptionKey(kekFile).AddFileDataKeyStore(storeFile);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
