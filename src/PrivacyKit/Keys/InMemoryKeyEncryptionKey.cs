using System.Security.Cryptography;

namespace PrivacyKit.Keys;

/// <summary>
/// A key-encryption key held only in process memory, for tests: random 256-bit keys, AES-256-GCM
/// wrapping, rotation that keeps earlier versions for unwrapping. Everything wrapped by it is lost with
/// the process.
/// </summary>
/// <remarks>Thread-safe. Unwrapping throws <see cref="KeyManagementException"/> for an unknown KEK version or a corrupt wrapped key.</remarks>
public sealed class InMemoryKeyEncryptionKey : IKeyEncryptionKey, IDisposable
{
    private readonly KeyEncryptionKeyRing _ring = new();

    /// <summary>Initializes a new instance with one random key.</summary>
    public InMemoryKeyEncryptionKey() => Rotate();

    /// <inheritdoc/>
    public string KeyId => _ring.CurrentKeyId;

    /// <summary>Gets the ids of every version held, current and retired.</summary>
    public IReadOnlyList<string> KeyIds => _ring.KeyIds;

    /// <summary>Adds a new random key and makes it current; earlier versions still unwrap.</summary>
    /// <returns>The id of the new current key.</returns>
    public string Rotate()
    {
        var material = RandomNumberGenerator.GetBytes(KeyEncryptionKeyRing.KeySize);
        var keyId = KeyEncryptionKeyRing.NewKeyId("memory:");
        _ring.Add(keyId, material, current: true);
        CryptographicOperations.ZeroMemory(material);
        return keyId;
    }

    /// <inheritdoc/>
    public ValueTask<WrappedKey> WrapKeyAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_ring.Wrap(dataKey.Span));

    /// <inheritdoc/>
    public ValueTask<byte[]> UnwrapKeyAsync(WrappedKey wrappedKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        return ValueTask.FromResult(_ring.TryUnwrap(wrappedKey) ?? throw Internal.Error.KeyEncryptionKeyVersionNotHeld(wrappedKey.KeyEncryptionKeyId));
    }

    /// <summary>Zeroes the keys; wrapping and unwrapping then throw <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _ring.Dispose();
}
