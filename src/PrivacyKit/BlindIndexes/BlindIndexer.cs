using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PrivacyKit.Encryption;
using PrivacyKit.Internal;
using PrivacyKit.Keys;

namespace PrivacyKit.BlindIndexes;

/// <summary>HMAC-SHA256 blind indexes with per-index keys derived by HKDF from the wrapped blind-index root key.</summary>
internal sealed class BlindIndexer(DataKeyManager keys, IOptions<FieldEncryptionOptions> options) : IBlindIndexer, IDisposable
{
    /// <summary>The reserved scope under which the root key is kept in the data-key store.</summary>
    internal const string RootKeyScope = EncryptionScope.ReservedPrefix + "blind-index-root";

    private readonly ConcurrentDictionary<string, byte[]> _indexKeys = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _rootGate = new(1, 1);
    private byte[]? _rootKey;

    public byte[]? Compute(string indexName, string? value, IBlindIndexNormalizer? normalizer = null, int? bits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(indexName);
        var length = bits ?? options.Value.BlindIndexBits;
        if (length is < 16 or > 256 || length % 8 != 0)
        {
            throw Error.BlindIndexBits(nameof(bits), length);
        }

        if (value is null)
        {
            return null;
        }

        var normalized = (normalizer ?? BlindIndexNormalizers.None).Normalize(value);
        var key = _indexKeys.TryGetValue(indexName, out var cached) ? cached : DeriveIndexKey(indexName);
        using var utf8 = PooledUtf8.Encode(normalized, nameof(value));
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, utf8.Bytes, mac);
        return mac[..(length / 8)].ToArray();
    }

    public string? ComputeText(string indexName, string? value, IBlindIndexNormalizer? normalizer = null, int? bits = null) =>
        Compute(indexName, value, normalizer, bits) is { } index ? Convert.ToBase64String(index) : null;

    public async ValueTask PreloadAsync(CancellationToken cancellationToken = default) =>
        await GetRootKeyAsync(cancellationToken).ConfigureAwait(false);

    public void Dispose()
    {
        if (_rootKey is { } root)
        {
            CryptographicOperations.ZeroMemory(root);
        }

        foreach (var key in _indexKeys.Values)
        {
            CryptographicOperations.ZeroMemory(key);
        }

        _rootGate.Dispose();
    }

    private byte[] DeriveIndexKey(string indexName)
    {
        var root = Volatile.Read(ref _rootKey) ?? GetRootKeyAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        var key = GC.AllocateUninitializedArray<byte>(32, pinned: true);
        HKDF.DeriveKey(HashAlgorithmName.SHA256, root, key, salt: [], info: Encoding.UTF8.GetBytes("PrivacyKit blind index v1:" + indexName));
        var winner = _indexKeys.GetOrAdd(indexName, key);
        if (!ReferenceEquals(winner, key))
        {
            CryptographicOperations.ZeroMemory(key);
        }

        return winner;
    }

    private async ValueTask<byte[]> GetRootKeyAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _rootKey) is { } root)
        {
            return root;
        }

        await _rootGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_rootKey is null)
            {
                var material = await keys.GetReservedKeyAsync(RootKeyScope, cancellationToken).ConfigureAwait(false);
                var pinned = GC.AllocateUninitializedArray<byte>(material.Length, pinned: true);
                material.CopyTo(pinned, 0);
                CryptographicOperations.ZeroMemory(material);
                Volatile.Write(ref _rootKey, pinned);
            }

            return _rootKey;
        }
        finally
        {
            _rootGate.Release();
        }
    }
}
