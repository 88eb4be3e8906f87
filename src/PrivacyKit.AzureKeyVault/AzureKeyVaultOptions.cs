using Azure.Core;

namespace PrivacyKit.AzureKeyVault;

/// <summary>
/// Options for a key-encryption key held in Azure Key Vault or Managed HSM. Set by
/// <see cref="AzureKeyVaultPrivacyKitBuilderExtensions.AddAzureKeyVault"/> and validated at start-up.
/// </summary>
/// <remarks>
/// The inherited <see cref="ClientOptions.Retry"/>, <see cref="ClientOptions.Diagnostics"/> and
/// <see cref="ClientOptions.Transport"/> configure the HTTP pipeline as for any Azure SDK client:
/// throttled (429) and failed (5xx) calls are retried with exponential back-off that honours
/// <c>Retry-After</c>. Content logging must stay off, because request and response bodies carry key material.
/// </remarks>
public sealed class AzureKeyVaultOptions : ClientOptions
{
    /// <summary>Gets or sets the identifier of the key-encryption key.</summary>
    /// <value>
    /// <c>https://{vault}.vault.azure.net/keys/{name}</c> (the vault's current version wraps new data keys)
    /// or <c>https://{vault}.vault.azure.net/keys/{name}/{version}</c> (that version only). A Managed HSM key
    /// looks the same with <c>{hsm}.managedhsm.azure.net</c>. Required.
    /// </value>
    public Uri? KeyId { get; set; }

    /// <summary>Gets or sets the credential that obtains access tokens for the vault.</summary>
    /// <value>
    /// A <see cref="TokenCredential"/> such as <c>DefaultAzureCredential</c> or <c>ManagedIdentityCredential</c>
    /// whose identity may get the key and use it to wrap and unwrap. Required.
    /// </value>
    public TokenCredential? Credential { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether data keys are wrapped locally with the key's RSA public key,
    /// so that only unwrapping calls the vault.
    /// </summary>
    /// <value>
    /// <see langword="false"/> by default: every wrap is a <c>wrapkey</c> call, which the vault logs.
    /// When <see langword="true"/>, the public key is fetched (<c>GET key</c>) and cached for
    /// <see cref="KeyRefreshInterval"/>. Symmetric (<c>oct-HSM</c>) keys are always wrapped in the vault.
    /// </value>
    public bool WrapLocally { get; set; }

    /// <summary>Gets or sets how long the fetched key (its current version, type and public key) is used before it is fetched again.</summary>
    /// <value>
    /// 10 minutes by default; from 1 second to 1 day. After the key is rotated in the vault, new data keys are
    /// wrapped by the new version within this interval; data keys wrapped by older versions stay readable.
    /// </value>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets a value indicating whether the check that the vault's authentication challenge names a
    /// resource in the vault's own domain is skipped.
    /// </summary>
    /// <value>
    /// <see langword="false"/> by default. Set it only when the vault is reached under another host name
    /// (a proxy or private endpoint with a custom name); otherwise a spoofed challenge could obtain a token
    /// for another resource.
    /// </value>
    public bool DisableChallengeResourceVerification { get; set; }
}
