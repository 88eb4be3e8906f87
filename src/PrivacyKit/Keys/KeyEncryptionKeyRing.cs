using System.Security.Cryptography;
using System.Text;
using PrivacyKit.Internal;

namespace PrivacyKit.Keys;

/// <summary>
/// 256-bit key-encryption keys held in process (current plus retired) that wrap data keys with
/// AES-256-GCM: <c>nonce(12) ciphertext tag(16)</c>, the associated data naming the KEK id so a wrapped key
/// cannot be presented as another KEK's.
/// </summary>
internal sealed class KeyEncryptionKeyRing : IDisposable
{
    public const string Algorithm = "A256GCM";
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, RingKey> _keys = new(StringComparer.Ordinal);
    private bool _disposed;

    public string CurrentKeyId { get; private set; } = "";

    public IReadOnlyList<string> KeyIds
    {
        get
        {
            lock (_gate)
            {
                return [.. _keys.Keys];
            }
        }
    }

    public static string NewKeyId(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Adds a key (copied into pinned memory) and optionally makes it current.</summary>
    public void Add(string keyId, ReadOnlySpan<byte> material, bool current)
    {
        var key = new RingKey(material, AssociatedData(keyId));
        lock (_gate)
        {
            if (_keys.Remove(keyId, out var previous))
            {
                previous.Dispose();
            }

            _keys[keyId] = key;
            if (current)
            {
                CurrentKeyId = keyId;
            }
        }
    }

    public bool Contains(string keyId)
    {
        lock (_gate)
        {
            return _keys.ContainsKey(keyId);
        }
    }

    /// <summary>Copies out every key for persisting (the caller zeroes the copies).</summary>
    public List<(string KeyId, byte[] Material)> Export()
    {
        lock (_gate)
        {
            return [.. _keys.Select(p => (p.Key, p.Value.CopyMaterialOrThrow()))];
        }
    }

    public WrappedKey Wrap(ReadOnlySpan<byte> dataKey)
    {
        string keyId;
        RingKey key;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            keyId = CurrentKeyId;
            key = _keys[keyId];
        }

        var output = new byte[NonceSize + dataKey.Length + TagSize];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
        var aes = key.RentOrThrow();
        try
        {
            aes.Encrypt(output.AsSpan(0, NonceSize), dataKey, output.AsSpan(NonceSize, dataKey.Length), output.AsSpan(NonceSize + dataKey.Length), key.AssociatedData);
        }
        finally
        {
            key.Return(aes);
        }

        return new WrappedKey(keyId, Algorithm, output);
    }

    /// <summary>Unwraps; returns <see langword="null"/> when the KEK id is not held.</summary>
    public byte[]? TryUnwrap(WrappedKey wrappedKey)
    {
        RingKey? key;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            key = _keys.GetValueOrDefault(wrappedKey.KeyEncryptionKeyId);
        }

        if (key is null)
        {
            return null;
        }

        var input = wrappedKey.Ciphertext.Span;
        if (!string.Equals(wrappedKey.Algorithm, Algorithm, StringComparison.Ordinal) || input.Length != NonceSize + KeySize + TagSize)
        {
            throw Error.WrappedKeyInvalid(wrappedKey.KeyEncryptionKeyId, null);
        }

        var dataKey = GC.AllocateUninitializedArray<byte>(KeySize, pinned: true);
        var aes = key.RentOrThrow();
        try
        {
            aes.Decrypt(input[..NonceSize], input.Slice(NonceSize, KeySize), input[^TagSize..], dataKey, key.AssociatedData);
            return dataKey;
        }
        catch (AuthenticationTagMismatchException e)
        {
            CryptographicOperations.ZeroMemory(dataKey);
            throw Error.WrappedKeyInvalid(wrappedKey.KeyEncryptionKeyId, e);
        }
        finally
        {
            key.Return(aes);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var key in _keys.Values)
            {
                key.Dispose();
            }

            _keys.Clear();
        }
    }

    private static byte[] AssociatedData(string keyId) => Encoding.UTF8.GetBytes("PrivacyKit.KeyEncryptionKey.v1:" + keyId);

    /// <summary>One KEK version: the key (see <see cref="ReusableAesGcm"/>: wrapping a new data key costs no key schedule) and the associated data bound to its id.</summary>
    private sealed class RingKey(ReadOnlySpan<byte> material, byte[] associatedData) : ReusableAesGcm(material, TagSize)
    {
        public byte[] AssociatedData { get; } = associatedData;

        public AesGcm RentOrThrow() => Rent() ?? throw new ObjectDisposedException(nameof(KeyEncryptionKeyRing));

        public byte[] CopyMaterialOrThrow() => CopyMaterial() ?? throw new ObjectDisposedException(nameof(KeyEncryptionKeyRing));
    }
}
