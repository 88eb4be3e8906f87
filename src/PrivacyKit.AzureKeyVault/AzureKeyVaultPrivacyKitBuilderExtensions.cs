using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrivacyKit.AzureKeyVault;
using PrivacyKit.AzureKeyVault.Internal;
using PrivacyKit.Keys;

namespace PrivacyKit;

/// <summary>Adds key-encryption keys held in Azure Key Vault or Managed HSM to PrivacyKit.</summary>
public static class AzureKeyVaultPrivacyKitBuilderExtensions
{
    /// <summary>
    /// Uses a key in Azure Key Vault or Managed HSM as PrivacyKit's key-encryption key: data keys are wrapped
    /// and unwrapped by the vault (RSA-OAEP-256 for RSA keys, A256KW for Managed HSM <c>oct-HSM</c> keys) and
    /// the key never leaves it. Replaces any key-encryption key registered before. Options are validated at start-up.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="keyId">
    /// The key identifier, <c>https://{vault}.vault.azure.net/keys/{name}</c> (new data keys are wrapped by the
    /// vault's current version) or with <c>/{version}</c> appended (that version only).
    /// </param>
    /// <param name="credential">Obtains access tokens for the vault, for example <c>new DefaultAzureCredential()</c>.</param>
    /// <param name="configure">Configures <see cref="AzureKeyVaultOptions"/> further; may be <see langword="null"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="keyId"/> or <paramref name="credential"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddAzureKeyVault(
        this IPrivacyKitBuilder builder, Uri keyId, TokenCredential credential, Action<AzureKeyVaultOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentNullException.ThrowIfNull(credential);

        IServiceCollection services = builder.Services;
        OptionsBuilder<AzureKeyVaultOptions> options = services.AddOptions<AzureKeyVaultOptions>()
            .Configure(o =>
            {
                o.KeyId = keyId;
                o.Credential = credential;
            })
            .ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureKeyVaultOptions>, AzureKeyVaultOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The application chose the vault: it replaces whatever key-encryption key was registered before.
        services.RemoveAll<IKeyEncryptionKey>();
        services.AddSingleton<IKeyEncryptionKey>(sp => new AzureKeyVaultKeyEncryptionKey(
            sp.GetRequiredService<IOptions<AzureKeyVaultOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<AzureKeyVaultKeyEncryptionKey>>() ?? NullLogger<AzureKeyVaultKeyEncryptionKey>.Instance));
        return builder;
    }
}
