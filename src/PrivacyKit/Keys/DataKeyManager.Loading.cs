using System.Security.Cryptography;
using PrivacyKit.Audit;
using PrivacyKit.Internal;

namespace PrivacyKit.Keys;

/// <summary>Loading, creating, wrapping and unwrapping data keys, and the audit of key operations.</summary>
internal sealed partial class DataKeyManager
{
    private async Task<CachedDataKey> LoadCurrentAsync(string scope)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var epoch = _cache.Epoch;
            Interlocked.Increment(ref _misses);
            var latest = await _store.FindLatestAsync(scope).ConfigureAwait(false);
            if (latest is null)
            {
                var (_, created) = await TryCreateAsync(scope, null, "key.create", CancellationToken.None).ConfigureAwait(false);
                if (created is not null)
                {
                    return created;
                }

                continue;
            }

            if (latest.IsShredded)
            {
                throw Error.ScopeErased(latest.KeyId);
            }

            var lookup = _cache.TryGet(latest.Id, out var cached)
                ? new KeyLookup(cached, false)
                : await _idLoads.RunAsync(latest.Id, LoadByIdAsync, CancellationToken.None).ConfigureAwait(false);
            if (lookup.Key is { } key && _cache.SetCurrent(key, epoch))
            {
                return key;
            }
        }

        throw Error.KeyCreationContention(null);
    }

    private async Task<KeyLookup> LoadByIdAsync(DataKeyId id)
    {
        byte[]? material = null;
        try
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                var epoch = _cache.Epoch;
                Interlocked.Increment(ref _misses);
                var record = await _store.FindAsync(id.KeyIdText, (int)id.Version).ConfigureAwait(false);
                if (record is null || !string.Equals(record.KeyId, id.KeyIdText, StringComparison.Ordinal))
                {
                    return KeyLookup.NotFound;
                }

                if (record.IsShredded)
                {
                    return new KeyLookup(null, Erased: true);
                }

                material ??= await UnwrapAsync(record, CancellationToken.None).ConfigureAwait(false);
                if (_cache.Add(id, record.Scope, material, current: false, epoch) is { } key)
                {
                    return new KeyLookup(key, false);
                }
            }

            throw Error.KeyCreationContention(id.KeyIdText);
        }
        finally
        {
            if (material is not null)
            {
                CryptographicOperations.ZeroMemory(material);
            }
        }
    }

    /// <summary>
    /// Creates the version after <paramref name="latest"/> and makes it the scope's current key here. Returns no
    /// reference when another writer won the race, and no entry when a shred raced the caching (the key is stored).
    /// </summary>
    private async Task<(DataKeyReference? Stored, CachedDataKey? Entry)> TryCreateAsync(string scope, DataKeyRecord? latest, string action, CancellationToken cancellationToken)
    {
        var epoch = _cache.Epoch;
        var keyId = latest?.KeyId ?? NewKeyId();
        var version = (latest?.Version ?? 0) + 1;
        var material = NewKeyMaterial();
        try
        {
            if (!await TryAddAsync(scope, keyId, version, material, action, cancellationToken).ConfigureAwait(false))
            {
                return (null, null);
            }

            DataKeyId.TryParse(keyId, version, out var id);
            var entry = _cache.Add(id, scope, material, current: true, epoch);
            if (entry is null)
            {
                // Not cached: make sure no older version stays current for new writes here.
                _cache.ForgetCurrent(scope);
            }

            return (id.ToReference(), entry);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    private async Task<bool> TryAddAsync(string scope, string keyId, int version, byte[] material, string action, CancellationToken cancellationToken)
    {
        var wrapped = await WrapAsync(material, keyId, cancellationToken).ConfigureAwait(false);
        var record = new DataKeyRecord(scope, keyId, version, wrapped, _time.GetUtcNow());
        if (!await _store.TryAddAsync(record, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        KeyLog.DataKeyCreated(_logger, keyId, version, wrapped.KeyEncryptionKeyId);
        await AuditAsync(action, scope, keyId, wrapped.KeyEncryptionKeyId, new() { ["version"] = Count(version) }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<WrappedKey> WrapAsync(byte[] material, string keyId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _wraps);
        try
        {
            return await _kek.WrapKeyAsync(material, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not KeyManagementException and not OperationCanceledException)
        {
            KeyLog.KeyEncryptionKeyFailed(_logger, e, _kek.KeyId, "wrap", keyId);
            throw Error.KeyEncryptionKeyFailed(_kek.KeyId, "wrap", e);
        }
    }

    private async Task<byte[]> UnwrapAsync(DataKeyRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _unwraps);
        var wrapped = record.WrappedKey!;
        try
        {
            var material = await _kek.UnwrapKeyAsync(wrapped, cancellationToken).ConfigureAwait(false);
            if (material.Length != 32)
            {
                CryptographicOperations.ZeroMemory(material);
                throw Error.WrappedKeyInvalid(wrapped.KeyEncryptionKeyId, null);
            }

            return material;
        }
        catch (Exception e) when (e is not KeyManagementException and not OperationCanceledException)
        {
            KeyLog.KeyEncryptionKeyFailed(_logger, e, wrapped.KeyEncryptionKeyId, "unwrap", record.KeyId);
            throw Error.KeyEncryptionKeyFailed(wrapped.KeyEncryptionKeyId, "unwrap", e);
        }
    }

    /// <summary>The data subject of a subject scope (<c>subject:{id}</c> or <c>tenant:{t}/subject:{id}</c>), else null.</summary>
    private static string? SubjectOf(string? scope)
    {
        const string Marker = "subject:";
        var at = scope is null ? -1 : scope.LastIndexOf(Marker, StringComparison.Ordinal);
        return at == 0 || (at > 0 && scope![at - 1] == '/') ? scope![(at + Marker.Length)..] : null;
    }

    private async Task AuditAsync(string action, string? scope, string? keyId, string? kekId, Dictionary<string, string> properties, CancellationToken cancellationToken)
    {
        var trails = _audit.Value;
        if (trails.Length == 0)
        {
            return;
        }

        if (scope is not null)
        {
            properties["scope"] = scope;
        }

        if (keyId is not null)
        {
            properties["keyId"] = keyId;
        }

        if (kekId is not null)
        {
            properties["keyEncryptionKeyId"] = kekId;
        }

        var auditEvent = new AuditEvent
        {
            Kind = AuditEventKind.KeyOperation,
            Action = action,
            SubjectId = SubjectOf(scope),
            ResourceType = "DataKey",
            ResourceId = keyId,
            Properties = properties,
        };
        foreach (var trail in trails)
        {
            await trail.RecordAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
