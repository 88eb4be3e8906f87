namespace PrivacyKit.Keys;

/// <summary>
/// The in-process table behind <see cref="InMemoryDataKeyStore"/> and <see cref="FileDataKeyStore"/>: the
/// uniqueness rules of <see cref="IDataKeyStore"/> under one lock.
/// </summary>
internal sealed class DataKeyTable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string KeyId, int Version), DataKeyRecord> _byId = [];
    private readonly Dictionary<string, List<DataKeyRecord>> _byScope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _scopeOfKeyId = new(StringComparer.Ordinal);

    public DataKeyRecord? Find(string keyId, int version)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault((keyId.ToLowerInvariant(), version));
        }
    }

    public DataKeyRecord? FindLatest(string scope)
    {
        lock (_gate)
        {
            return _byScope.TryGetValue(scope, out var versions) ? versions[^1] : null;
        }
    }

    public bool TryAdd(DataKeyRecord record)
    {
        lock (_gate)
        {
            if (_byId.ContainsKey((record.KeyId, record.Version)) ||
                (_scopeOfKeyId.TryGetValue(record.KeyId, out var owner) && !string.Equals(owner, record.Scope, StringComparison.Ordinal)) ||
                (_byScope.TryGetValue(record.Scope, out var versions) && versions.Exists(r => r.Version == record.Version)))
            {
                return false;
            }

            Put(record);
            return true;
        }
    }

    public bool TryReplace(string keyId, int version, string expectedKeyEncryptionKeyId, WrappedKey wrappedKey)
    {
        lock (_gate)
        {
            if (!_byId.TryGetValue((keyId.ToLowerInvariant(), version), out var record) || record.IsShredded ||
                !string.Equals(record.KeyEncryptionKeyId, expectedKeyEncryptionKeyId, StringComparison.Ordinal))
            {
                return false;
            }

            Replace(record, record.WithWrappedKey(wrappedKey));
            return true;
        }
    }

    public int Shred(string scope, DateTimeOffset shreddedAt)
    {
        lock (_gate)
        {
            if (!_byScope.TryGetValue(scope, out var versions))
            {
                return 0;
            }

            var count = 0;
            foreach (var record in versions.ToArray())
            {
                if (!record.IsShredded)
                {
                    Replace(record, record.ToShredded(shreddedAt));
                    count++;
                }
            }

            return count;
        }
    }

    public DataKeyRecord[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _byScope.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => p.Value)];
        }
    }

    /// <summary>Loads a record without the uniqueness checks (a store reading its own file).</summary>
    public void Put(DataKeyRecord record)
    {
        lock (_gate)
        {
            _byId[(record.KeyId, record.Version)] = record;
            _scopeOfKeyId[record.KeyId] = record.Scope;
            if (!_byScope.TryGetValue(record.Scope, out var versions))
            {
                _byScope[record.Scope] = versions = [];
            }

            versions.Add(record);
            versions.Sort((a, b) => a.Version.CompareTo(b.Version));
        }
    }

    private void Replace(DataKeyRecord old, DataKeyRecord updated)
    {
        _byId[(old.KeyId, old.Version)] = updated;
        var versions = _byScope[old.Scope];
        versions[versions.IndexOf(old)] = updated;
    }
}
