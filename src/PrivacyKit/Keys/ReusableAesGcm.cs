using System.Security.Cryptography;

namespace PrivacyKit.Keys;

/// <summary>
/// An AES-256-GCM key held for repeated use: the key bytes in pinned memory (zeroed on disposal) and one reusable
/// <see cref="AesGcm"/>, so its key schedule is set up once. <see cref="AesGcm"/> is not thread-safe: a user takes it
/// out of its slot while in use, and a concurrent second user gets an instance of its own. Used for cached data keys and
/// for the versions of a local key-encryption key, which derive from it (no second object to reach per use).
/// </summary>
internal abstract class ReusableAesGcm : IDisposable
{
    private readonly byte[] _key;
    private readonly int _tagSize;
    private readonly Lock _gate = new();
    private AesGcm? _slot;
    private bool _disposed;

    /// <summary>Copies <paramref name="material"/> into pinned memory.</summary>
    protected ReusableAesGcm(ReadOnlySpan<byte> material, int tagSize)
    {
        _key = GC.AllocateUninitializedArray<byte>(material.Length, pinned: true);
        material.CopyTo(_key);
        _tagSize = tagSize;
    }

    /// <summary>Gets a value indicating whether the key was disposed and its bytes are all zero.</summary>
    internal bool IsZeroed
    {
        get
        {
            lock (_gate)
            {
                return _disposed && !_key.AsSpan().ContainsAnyExcept((byte)0);
            }
        }
    }

    /// <summary>Takes an <see cref="AesGcm"/> for this key, or <see langword="null"/> once it was disposed (never one of zeroed bytes).</summary>
    public AesGcm? Rent()
    {
        var aes = Interlocked.Exchange(ref _slot, null);
        if (aes is not null)
        {
            return aes;
        }

        lock (_gate)
        {
            return _disposed ? null : new AesGcm(_key, _tagSize);
        }
    }

    /// <summary>Puts an instance back for the next user (or disposes it when the slot is taken or the key disposed).</summary>
    public void Return(AesGcm aes)
    {
        if (Interlocked.CompareExchange(ref _slot, aes, null) is not null)
        {
            aes.Dispose();
        }
        else if (Volatile.Read(ref _disposed))
        {
            Interlocked.Exchange(ref _slot, null)?.Dispose();
        }
    }

    /// <summary>Copies the key bytes (to persist a key ring); <see langword="null"/> once disposed.</summary>
    public byte[]? CopyMaterial()
    {
        lock (_gate)
        {
            return _disposed ? null : _key.ToArray();
        }
    }

    /// <summary>Zeroes the key bytes and disposes the cached instance; an instance in use is disposed when returned.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            Volatile.Write(ref _disposed, true);
            CryptographicOperations.ZeroMemory(_key);
        }

        Interlocked.Exchange(ref _slot, null)?.Dispose();
    }
}
