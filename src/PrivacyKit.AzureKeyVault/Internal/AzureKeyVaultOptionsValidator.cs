using Microsoft.Extensions.Options;

namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>Validates <see cref="AzureKeyVaultOptions"/> at start-up, with messages that say what to fix.</summary>
internal sealed class AzureKeyVaultOptionsValidator : IValidateOptions<AzureKeyVaultOptions>
{
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRefreshInterval = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, AzureKeyVaultOptions options)
    {
        List<string>? failures = null;
        if (options.KeyId is null)
        {
            Fail("AzureKeyVaultOptions.KeyId is required: pass the key's identifier, https://{vault}.vault.azure.net/keys/{name}[/{version}], to AddAzureKeyVault.");
        }
        else if (!KeyVaultKeyIdentifier.TryParse(options.KeyId, out _))
        {
            Fail("AzureKeyVaultOptions.KeyId must be https://{vault}/keys/{name}[/{version}] with no query or fragment "
                + "(name: letters, digits and '-'; for example https://contoso.vault.azure.net/keys/privacykit-kek), "
                + $"but is '{Describe(options.KeyId)}'. Copy the key identifier from the vault's Keys blade or 'az keyvault key show'.");
        }

        if (options.Credential is null)
        {
            Fail("AzureKeyVaultOptions.Credential is required: pass a TokenCredential (for example DefaultAzureCredential or ManagedIdentityCredential) to AddAzureKeyVault.");
        }

        if (options.KeyRefreshInterval < MinRefreshInterval || options.KeyRefreshInterval > MaxRefreshInterval)
        {
            Fail($"AzureKeyVaultOptions.KeyRefreshInterval must be from 1 second to 1 day, but is {options.KeyRefreshInterval}.");
        }

        if (options.Diagnostics.IsLoggingContentEnabled)
        {
            Fail("AzureKeyVaultOptions.Diagnostics.IsLoggingContentEnabled must be false: Key Vault request and response bodies carry data keys.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);

        void Fail(string message) => (failures ??= []).Add(message);
    }

    // Shows where the id points without a query string or user info, which could carry secrets.
    private static string Describe(Uri keyId) =>
        keyId.IsAbsoluteUri ? keyId.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : keyId.OriginalString.Split('?', '#')[0];
}
