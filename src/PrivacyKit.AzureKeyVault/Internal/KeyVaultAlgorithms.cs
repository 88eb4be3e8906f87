namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>The key types and wrapping algorithms PrivacyKit uses (JSON Web Algorithms names).</summary>
internal static class KeyVaultAlgorithms
{
    /// <summary>RSAES OAEP with SHA-256 and MGF1 with SHA-256, for RSA keys.</summary>
    public const string RsaOaep256 = "RSA-OAEP-256";

    /// <summary>AES key wrap (RFC 3394) with a 256-bit key, for Managed HSM <c>oct-HSM</c> keys.</summary>
    public const string A256KW = "A256KW";

    public static bool IsRsa(string keyType) => keyType is "RSA" or "RSA-HSM";

    public static bool IsSymmetric(string keyType) => keyType is "oct" or "oct-HSM";

    public static string? ForKeyType(string keyType) =>
        IsRsa(keyType) ? RsaOaep256 : IsSymmetric(keyType) ? A256KW : null;

    public static bool IsSupported(string algorithm) => algorithm is RsaOaep256 or A256KW;
}
