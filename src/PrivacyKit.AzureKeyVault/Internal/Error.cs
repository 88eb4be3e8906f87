using PrivacyKit.Keys;

namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>
/// The one place this package makes exceptions, so messages stay consistent. Messages name the key id,
/// the operation and the vault's request id; never a token, key bytes or a personal value.
/// </summary>
internal static class Error
{
    private const int MaxVaultMessageLength = 300;

    public static KeyVaultException VaultRefused(string operation, string keyId, int status, string? code, string? vaultMessage, string? requestId)
    {
        bool transient = IsTransientStatus(status);
        string hint = status switch
        {
            401 => "The vault did not accept the access token: check that the TokenCredential signs in to the vault's tenant.",
            403 => $"Check that the application's identity may use the key (role 'Key Vault Crypto Service Encryption User', or the 'get', 'wrapKey' and 'unwrapKey' key permissions) and that the key version is enabled and not expired.",
            404 => "Check the key id. If the key or this version was deleted, recover it: data keys it wrapped cannot be unwrapped without it.",
            400 when operation == Operations.Unwrap => "The wrapped data key is corrupt or was wrapped by another key or algorithm.",
            400 => "Check that the key is an RSA key (RSA-OAEP-256) or a Managed HSM oct-HSM key (A256KW).",
            429 => "The vault kept throttling after the configured retries; lower the call rate (cache data keys) or retry later.",
            >= 500 => "The vault stayed unavailable after the configured retries; retry later. Nothing was wrapped or unwrapped.",
            _ => "Check the key id and the vault's state.",
        };

        string message = $"Azure Key Vault {operation} with key '{keyId}' failed with HTTP {status}"
            + (code is null ? string.Empty : $" ({code})")
            + (string.IsNullOrWhiteSpace(vaultMessage) ? string.Empty : $": {Truncate(vaultMessage)}")
            + $". {hint}{RequestIdText(requestId)}";
        return new KeyVaultException(message, keyId, status, code, requestId) { IsTransient = transient };
    }

    public static KeyVaultException VaultUnreachable(string operation, string keyId, Exception inner) =>
        new($"Azure Key Vault {operation} with key '{keyId}' failed: the vault could not be reached after the configured retries. "
            + "Check network access to the vault (firewall, private endpoint, DNS) or retry later. Nothing was wrapped or unwrapped.",
            keyId, 0, null, null, inner)
        { IsTransient = true };

    public static KeyVaultException MalformedResponse(string operation, string keyId, int status, string? requestId, string reason) =>
        new($"Azure Key Vault {operation} with key '{keyId}' returned HTTP {status} with a body that is not valid: {reason}. "
            + $"Check that the key id names an Azure Key Vault or Managed HSM and that no proxy rewrites its responses.{RequestIdText(requestId)}",
            keyId, status, null, requestId);

    public static KeyVaultException ResponseForOtherKey(string operation, string keyId, string returnedKeyId, string? requestId) =>
        new($"Azure Key Vault {operation} with key '{keyId}' answered for key '{returnedKeyId}'. "
            + $"Check that the key id names the intended vault and key and that no proxy rewrites its responses.{RequestIdText(requestId)}",
            keyId, 200, null, requestId);

    public static KeyManagementException ChallengeRejected(string keyId, string reason) =>
        new($"The authentication challenge from the vault of key '{keyId}' was rejected: {reason}", keyId);

    public static KeyManagementException CredentialFailed(string keyId, Exception inner) =>
        new($"No access token could be obtained for the vault of key '{keyId}' ({inner.GetType().Name}). "
            + "Check the TokenCredential passed to AddAzureKeyVault: its identity, tenant and sign-in configuration.",
            keyId, inner);

    public static KeyManagementException ForeignKey(string wrappedKeyId, string configuredKeyId) =>
        new($"The data key was wrapped by key '{wrappedKeyId}', but Azure Key Vault is configured with key '{configuredKeyId}'. "
            + "Configure the key that wrapped it, or re-wrap data keys before switching keys.",
            wrappedKeyId);

    public static KeyManagementException UnsupportedAlgorithm(string keyId, string algorithm) =>
        new($"The data key wrapped by key '{keyId}' uses algorithm '{Truncate(algorithm)}', which Azure Key Vault key-encryption keys do not use. "
            + $"Supported: {KeyVaultAlgorithms.RsaOaep256} (RSA keys) and {KeyVaultAlgorithms.A256KW} (Managed HSM oct-HSM keys).",
            keyId);

    public static KeyManagementException KeyNotUsable(string keyId, string reason) =>
        new($"Key '{keyId}' cannot wrap data keys: {reason}.", keyId);

    public static bool IsTransientStatus(int status) => status is 0 or 408 or 429 or >= 500;

    private static string RequestIdText(string? requestId) =>
        requestId is null ? string.Empty : $" (x-ms-request-id: {requestId})";

    private static string Truncate(string text) =>
        text.Length <= MaxVaultMessageLength ? text : string.Concat(text.AsSpan(0, MaxVaultMessageLength), "…");
}

/// <summary>The names of the vault operations, as they appear in messages and logs.</summary>
internal static class Operations
{
    public const string Wrap = "wrapkey";
    public const string Unwrap = "unwrapkey";
    public const string GetKey = "get key";
}
