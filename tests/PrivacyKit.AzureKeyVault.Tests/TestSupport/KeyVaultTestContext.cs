using Microsoft.Extensions.Time.Testing;
using PrivacyKit.AzureKeyVault.Internal;

namespace PrivacyKit.AzureKeyVault.Tests.TestSupport;

/// <summary>One local vault, a credential it accepts, a clock and a logger: what each test builds a key-encryption key from.</summary>
internal sealed class KeyVaultTestContext : IAsyncDisposable
{
    public const string KeyName = "privacykit-kek";

    private KeyVaultTestContext(LocalKeyVaultServer server)
    {
        Server = server;
        Credential = new TestTokenCredential(server.AcceptToken("token-" + Guid.NewGuid().ToString("N")));
    }

    public LocalKeyVaultServer Server { get; }

    public TestTokenCredential Credential { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public RecordingLogger<AzureKeyVaultKeyEncryptionKey> Logger { get; } = new();

    public static async Task<KeyVaultTestContext> StartAsync(bool managedHsm = false) =>
        new(await LocalKeyVaultServer.StartAsync(managedHsm));

    public Uri KeyUri(string? version = null, string name = KeyName) =>
        new(version is null ? $"https://{Server.Host}/keys/{name}" : Server.KeyId(name, version));

    /// <summary>Options as AddAzureKeyVault would set them, with short retry delays and the local transport.</summary>
    public AzureKeyVaultOptions Options(string? version = null, Action<AzureKeyVaultOptions>? configure = null)
    {
        var options = new AzureKeyVaultOptions { KeyId = KeyUri(version), Credential = Credential, Transport = Server.CreateTransport() };
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
        configure?.Invoke(options);
        return options;
    }

    public AzureKeyVaultKeyEncryptionKey CreateKek(string? version = null, Action<AzureKeyVaultOptions>? configure = null) =>
        new(Options(version, configure), Time, Logger);

    /// <summary>A client for a new RSA key (or a new version of it), with the key's versioned id.</summary>
    public (KeyVaultClient Client, KeyVaultKeyIdentifier Id) CreateClient(Action<AzureKeyVaultOptions>? configure = null)
    {
        string version = Server.CreateRsaKey(KeyName);
        Assert.True(KeyVaultKeyIdentifier.TryParse(KeyUri(version), out KeyVaultKeyIdentifier id));
        return (new KeyVaultClient(Options(version, configure), id, Logger), id);
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
