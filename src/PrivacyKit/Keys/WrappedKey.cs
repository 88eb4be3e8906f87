namespace PrivacyKit.Keys;

/// <summary>A data key encrypted by a key-encryption key, with what is needed to unwrap it.</summary>
public sealed class WrappedKey
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="keyEncryptionKeyId">The full identifier (including version) of the KEK that wrapped the key.</param>
    /// <param name="algorithm">The wrapping algorithm, e.g. <c>RSA-OAEP-256</c>, <c>A256KW</c> or <c>A256GCM</c>.</param>
    /// <param name="ciphertext">The wrapped key bytes.</param>
    /// <exception cref="ArgumentException"><paramref name="keyEncryptionKeyId"/> or <paramref name="algorithm"/> is empty, or <paramref name="ciphertext"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="keyEncryptionKeyId"/> or <paramref name="algorithm"/> is <see langword="null"/>.</exception>
    public WrappedKey(string keyEncryptionKeyId, string algorithm, ReadOnlyMemory<byte> ciphertext)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyEncryptionKeyId);
        ArgumentException.ThrowIfNullOrEmpty(algorithm);
        if (ciphertext.IsEmpty)
        {
            throw new ArgumentException("A wrapped key cannot be empty.", nameof(ciphertext));
        }

        KeyEncryptionKeyId = keyEncryptionKeyId;
        Algorithm = algorithm;
        Ciphertext = ciphertext;
    }

    /// <summary>Gets the full identifier (including version) of the KEK that wrapped the key.</summary>
    public string KeyEncryptionKeyId { get; }

    /// <summary>Gets the wrapping algorithm.</summary>
    public string Algorithm { get; }

    /// <summary>Gets the wrapped key bytes.</summary>
    public ReadOnlyMemory<byte> Ciphertext { get; }
}
