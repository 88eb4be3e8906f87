using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Audit;
using PrivacyKit.Encryption;
using PrivacyKit.Internal;

namespace PrivacyKit.Keys;

/// <summary>
/// The data-key hierarchy of one instance: creates, finds, unwraps and caches data keys; shreds, rotates
/// and re-wraps them. At most one unwrap per key is in flight (single-flight); creation races between
/// instances are settled by the store's uniqueness, the loser re-reading the winner.
/// </summary>
internal sealed partial class DataKeyManager : IDataKeyManager, IDisposable
{
    private const int MaxAttempts = 5;

    private readonly IDataKeyStore _store;
    private readonly IKeyEncryptionKey _kek;
    private readonly TimeProvider _time;
    private readonly Lazy<IAuditTrail[]> _audit;
    private readonly ILogger _logger;
    private readonly DataKeyCache _cache;
    private readonly SingleFlight<DataKeyId, KeyLookup> _idLoads = new();
    private readonly SingleFlight<string, CachedDataKey> _scopeLoads = new(StringComparer.Ordinal);
    private long _misses;
    private long _unwraps;
    private long _wraps;

    public DataKeyManager(IDataKeyStore store, IKeyEncryptionKey kek, IOptions<FieldEncryptionOptions> options, TimeProvider time, IServiceProvider services, ILogger<DataKeyManager>? logger = null)
    {
        _store = store;
        _kek = kek;
        _time = time;
        // Resolved on the first key operation, not here: an audit pipeline that itself uses keys must not
        // form a dependency cycle, and without the audit feature the list is simply empty.
        _audit = new(() => [.. services.GetServices<IAuditTrail>()]);
        _logger = logger ?? (ILogger)Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _cache = new DataKeyCache(options.Value.KeyCacheSize, options.Value.KeyCacheLifetime, time);
    }

    public DataKeyCacheStatistics CacheStatistics => new(_cache.Count, Interlocked.Read(ref _misses), Interlocked.Read(ref _unwraps), Interlocked.Read(ref _wraps), _cache.Evictions);

    internal DataKeyCache Cache => _cache;

    /// <summary>Gets the current key of a scope for a write; on a cache miss it blocks on the store and the KMS.</summary>
    public CachedDataKey GetCurrentKey(string scope) =>
        _cache.TryGetCurrent(scope, out var key) ? key : _scopeLoads.RunAsync(scope, LoadCurrentAsync, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Whether the scope's current key for new writes is cached (a write would not wait for the store or the KMS).</summary>
    public bool HasCurrentKey(string scope) => _cache.TryGetCurrent(scope, out _);

    public ValueTask<CachedDataKey> GetCurrentKeyAsync(string scope, CancellationToken cancellationToken) =>
        _cache.TryGetCurrent(scope, out var key) ? ValueTask.FromResult(key) : new(_scopeLoads.RunAsync(scope, LoadCurrentAsync, cancellationToken));

    /// <summary>Finds a key for decryption; on a cache miss it blocks on the store and the KMS.</summary>
    public KeyLookup GetKey(DataKeyId id) =>
        _cache.TryGet(id, out var key) ? new KeyLookup(key, false) : _idLoads.RunAsync(id, LoadByIdAsync, CancellationToken.None).GetAwaiter().GetResult();

    public ValueTask<KeyLookup> GetKeyAsync(DataKeyId id, CancellationToken cancellationToken) =>
        _cache.TryGet(id, out var key) ? ValueTask.FromResult(new KeyLookup(key, false)) : new(_idLoads.RunAsync(id, LoadByIdAsync, cancellationToken));

    public async ValueTask<int> ShredAsync(string scope, CancellationToken cancellationToken = default)
    {
        EncryptionScope.Validate(scope, nameof(scope));
        var now = _time.GetUtcNow();
        var latest = await _store.FindLatestAsync(scope, cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            // A scope without a key yet still gets a tombstone, so a late write cannot start one for an erased subject.
            var tombstone = DataKeyRecord.Shredded(scope, NewKeyId(), 1, _kek.KeyId, now, now);
            if (await _store.TryAddAsync(tombstone, cancellationToken).ConfigureAwait(false))
            {
                latest = tombstone;
            }
        }

        var count = await _store.ShredAsync(scope, now, cancellationToken).ConfigureAwait(false);
        _cache.RemoveScope(scope);
        KeyLog.DataKeyShredded(_logger, latest?.KeyId, count);
        await AuditAsync("key.shred", scope, latest?.KeyId, null, new() { ["versions"] = Count(count) }, cancellationToken).ConfigureAwait(false);
        return count;
    }

    public async ValueTask<DataKeyReference> RotateDataKeyAsync(string scope, CancellationToken cancellationToken = default)
    {
        EncryptionScope.Validate(scope, nameof(scope));
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var latest = await _store.FindLatestAsync(scope, cancellationToken).ConfigureAwait(false);
            var (stored, _) = await TryCreateAsync(scope, latest, "key.rotate", cancellationToken).ConfigureAwait(false);
            if (stored is { } reference)
            {
                return reference;
            }
        }

        throw Error.KeyCreationContention(null);
    }

    public async ValueTask<KeyRewrapResult> RewrapAllAsync(CancellationToken cancellationToken = default)
    {
        var current = _kek.KeyId;
        int examined = 0, rewrapped = 0, alreadyCurrent = 0, shredded = 0;
        await foreach (var record in _store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            examined++;
            if (record.WrappedKey is not { } wrapped)
            {
                shredded++;
                continue;
            }

            if (string.Equals(wrapped.KeyEncryptionKeyId, current, StringComparison.Ordinal))
            {
                alreadyCurrent++;
                continue;
            }

            var material = await UnwrapAsync(record, cancellationToken).ConfigureAwait(false);
            WrappedKey rewrappedKey;
            try
            {
                rewrappedKey = await WrapAsync(material, record.KeyId, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                CryptographicOperations.ZeroMemory(material);
            }

            if (await _store.TryReplaceWrappedKeyAsync(record.KeyId, record.Version, wrapped.KeyEncryptionKeyId, rewrappedKey, cancellationToken).ConfigureAwait(false))
            {
                rewrapped++;
            }
            else
            {
                alreadyCurrent++;
            }
        }

        KeyLog.RewrapCompleted(_logger, current, examined, rewrapped, alreadyCurrent, shredded);
        await AuditAsync("kek.rewrap", null, null, current, new()
        {
            ["examined"] = Count(examined),
            ["rewrapped"] = Count(rewrapped),
            ["alreadyCurrent"] = Count(alreadyCurrent),
            ["shredded"] = Count(shredded),
        }, cancellationToken).ConfigureAwait(false);
        return new KeyRewrapResult(current, examined, rewrapped, alreadyCurrent, shredded);
    }

    public async ValueTask<DataKeyInventory> GetInventoryAsync(CancellationToken cancellationToken = default)
    {
        var byKek = new Dictionary<string, int>(StringComparer.Ordinal);
        var retired = new List<DataKeyReference>();
        int scopes = 0, current = 0, shredded = 0;
        DataKeyRecord? previous = null;
        await foreach (var record in _store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!record.IsShredded)
            {
                byKek[record.KeyEncryptionKeyId] = byKek.GetValueOrDefault(record.KeyEncryptionKeyId) + 1;
            }

            // PrivacyKit's own keys (the blind-index root key) need re-wrapping too, but are no data scopes.
            if (record.Scope.StartsWith(EncryptionScope.ReservedPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (previous is null || !string.Equals(previous.Scope, record.Scope, StringComparison.Ordinal))
            {
                scopes++;
                CountLatest(previous, ref current, retired);
            }
            else if (!previous.IsShredded)
            {
                retired.Add(previous.Reference);
            }

            if (record.IsShredded)
            {
                shredded++;
            }

            previous = record;
        }

        CountLatest(previous, ref current, retired);
        return new DataKeyInventory(_kek.KeyId, scopes, current, retired, shredded, byKek);

        static void CountLatest(DataKeyRecord? latest, ref int current, List<DataKeyReference> retired)
        {
            if (latest is { IsShredded: false })
            {
                current++;
            }
        }
    }

    /// <summary>Gets (creating on first use) the unwrapped material of a reserved PrivacyKit key, e.g. the blind-index root key. The caller owns and zeroes it.</summary>
    internal async ValueTask<byte[]> GetReservedKeyAsync(string reservedScope, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var latest = await _store.FindLatestAsync(reservedScope, cancellationToken).ConfigureAwait(false);
            if (latest is not null)
            {
                return await UnwrapAsync(latest, cancellationToken).ConfigureAwait(false);
            }

            var material = NewKeyMaterial();
            try
            {
                if (await TryAddAsync(reservedScope, NewKeyId(), 1, material, "key.create", cancellationToken).ConfigureAwait(false))
                {
                    return material.ToArray();
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(material);
            }
        }

        throw Error.KeyCreationContention(null);
    }

    public void Dispose() => _cache.Dispose();

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static byte[] NewKeyMaterial()
    {
        var material = GC.AllocateUninitializedArray<byte>(32, pinned: true);
        RandomNumberGenerator.Fill(material);
        return material;
    }

    private static string NewKeyId() => DataKeyId.FormatKeyId(BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)));
}
