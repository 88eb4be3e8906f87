using System.Security.Cryptography;
using PrivacyKit.Encryption;

namespace PrivacyKit.Keys;

/// <summary>
/// An unwrapped data key in the cache: the key bytes in pinned memory (zeroed on eviction) and one
/// reusable <see cref="AesGcm"/> (not thread-safe, so it is taken out of its slot while in use; a second
/// concurrent user gets its own instance).
/// </summary>
internal sealed class CachedDataKey : IDisposable
{
    private readonly byte[] _key;
    private readonly Lock _gate = new();
    private AesGcm? _slot;
    private bool _disposed;

    public CachedDataKey(DataKeyId id, string scope, ReadOnlySpan<byte> material, long expiresAt, long sequence)
    {
        Id = id;
        Sequence = sequence;
        Scope = scope;
        ExpiresAt = expiresAt;
        LastUsed = expiresAt;
        _key = GC.AllocateUninitializedArray<byte>(material.Length, pinned: true);
        material.CopyTo(_key);
    }

    public DataKeyId Id { get; }

    public string Scope { get; }

    public long ExpiresAt { get; }

    /// <summary>Gets the order in which keys were added: breaks ties between equal last-use times, oldest first.</summary>
    public long Sequence { get; }

    /// <summary>Gets or sets the last-use timestamp (written racily: only eviction order depends on it).</summary>
    public long LastUsed { get; set; }

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

    /// <summary>Takes an <see cref="AesGcm"/> for this key, or <see langword="null"/> once the key was evicted.</summary>
    public AesGcm? Rent()
    {
        var aes = Interlocked.Exchange(ref _slot, null);
        if (aes is not null)
        {
            return aes;
        }

        lock (_gate)
        {
            return _disposed ? null : new AesGcm(_key, CiphertextLayout.TagSize);
        }
    }

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
