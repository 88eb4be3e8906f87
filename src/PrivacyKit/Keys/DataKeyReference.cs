namespace PrivacyKit.Keys;

/// <summary>Names one version of a data key, as written in a ciphertext header.</summary>
/// <param name="KeyId">The data-key id: 16 lowercase hexadecimal characters, shared by every version of a scope's key.</param>
/// <param name="Version">The version, starting at 1.</param>
public readonly record struct DataKeyReference(string KeyId, int Version);
