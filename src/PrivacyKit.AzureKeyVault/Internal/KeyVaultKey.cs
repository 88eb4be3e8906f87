namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>The public part of a key version as returned by <c>GET key</c>.</summary>
/// <param name="Id">The full key identifier, with version.</param>
/// <param name="KeyType">The JSON Web Key type: <c>RSA</c>, <c>RSA-HSM</c>, <c>oct-HSM</c>, ….</param>
/// <param name="Modulus">The RSA modulus (<c>n</c>), for RSA keys.</param>
/// <param name="Exponent">The RSA public exponent (<c>e</c>), for RSA keys.</param>
/// <param name="Operations">The permitted operations (<c>key_ops</c>), or <see langword="null"/> when the vault did not list them.</param>
/// <param name="Enabled">Whether the version is enabled.</param>
/// <param name="ExpiresOn">When the version expires, if it does.</param>
/// <param name="NotBefore">When the version becomes usable, if not at once.</param>
internal sealed record KeyVaultKey(
    KeyVaultKeyIdentifier Id,
    string KeyType,
    byte[]? Modulus,
    byte[]? Exponent,
    IReadOnlyList<string>? Operations,
    bool Enabled,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset? NotBefore)
{
    public bool Permits(string operation) => Operations is null || Operations.Contains(operation, StringComparer.Ordinal);
}

/// <summary>The result of a <c>wrapkey</c> or <c>unwrapkey</c> call.</summary>
/// <param name="KeyId">The full identifier (with version) of the key the vault used.</param>
/// <param name="Value">The wrapped or unwrapped key bytes.</param>
internal readonly record struct KeyOperationResult(KeyVaultKeyIdentifier KeyId, byte[] Value);
