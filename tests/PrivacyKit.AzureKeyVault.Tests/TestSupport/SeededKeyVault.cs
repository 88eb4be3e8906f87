using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.AzureKeyVault.Tests.TestSupport;

/// <summary>
/// A local vault with one RSA key and a data-key store holding one data key per subject, with one encrypted
/// e-mail address per subject: the state a CRM instance starts from. Built once per test class.
/// </summary>
public sealed class SeededKeyVault : IAsyncLifetime
{
    public const int Subjects = 5_000;

    private KeyVaultTestContext? _context;

    internal KeyVaultTestContext Context => _context ?? throw new InvalidOperationException("The vault has not started.");

    internal InMemoryDataKeyStore Store { get; } = new();

    internal byte[][] Ciphertexts { get; } = new byte[Subjects][];

    public static EncryptionContext FieldContext(int subject) => EncryptionContext.ForSubject("Customer", "Email", "c-" + subject);

    public static string Email(int subject) => $"customer{subject}@example.test";

    public async Task InitializeAsync()
    {
        _context = await KeyVaultTestContext.StartAsync();
        _context.Server.CreateRsaKey(KeyVaultTestContext.KeyName);

        // Wrapping locally with the public key keeps the set-up off the vault: one GET key, no wrapkey.
        await using ServiceProvider seeding = BuildProvider(Context.Time, configureVault: o => o.WrapLocally = true);
        IFieldEncryptor encryptor = seeding.GetRequiredService<IFieldEncryptor>();
        for (int subject = 0; subject < Subjects; subject++)
        {
            Ciphertexts[subject] = await encryptor.EncryptAsync(Email(subject), FieldContext(subject));
        }
    }

    /// <summary>A PrivacyKit instance over the seeded store whose key-encryption key is the local vault's key.</summary>
    internal ServiceProvider BuildProvider(
        TimeProvider time, Action<FieldEncryptionOptions>? configureCache = null, Action<AzureKeyVaultOptions>? configureVault = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton<IDataKeyStore>(Store);
        services.AddPrivacyKit(o => o.ApplicationName = "crm")
            .AddAzureKeyVault(Context.KeyUri(), Context.Credential, o =>
            {
                o.Transport = Context.Server.CreateTransport();
                configureVault?.Invoke(o);
            })
            .ConfigureFieldEncryption(configureCache ?? (_ => { }));
        return services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }
}
