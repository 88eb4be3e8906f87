using System.Collections.Concurrent;

namespace PrivacyKit.Keys;

/// <summary>
/// The bounded, expiring cache of unwrapped data keys: by (key id, version) for decryption and by scope
/// for the current key of new writes. Reads are lock-free; additions and evictions take one lock so the
/// bound is exact. Evicted keys are zeroed. A shred bumps an epoch so a load that raced it is not cached.
/// </summary>
internal sealed class DataKeyCache : IDisposable
{
    private readonly ConcurrentDictionary<DataKeyId, CachedDataKey> _byId = new();
    private readonly ConcurrentDictionary<string, CachedDataKey> _byScope = new(StringComparer.Ordinal);
    private readonly Lock _writeGate = new();
    private readonly TimeProvider _time;
    private readonly ITimer _sweeper;
    private readonly int _capacity;
    private readonly long _lifetimeTicks;
    private long _epoch;
    private long _sequence;
    private long _evictions;

    public DataKeyCache(int capacity, TimeSpan lifetime, TimeProvider time)
    {
        _capacity = capacity;
        _time = time;
        _lifetimeTicks = (long)(lifetime.TotalSeconds * time.TimestampFrequency);
        _sweeper = time.CreateTimer(_ => RemoveExpired(), null, lifetime, lifetime);
    }

    public int Count => _byId.Count;

    public long Evictions => Interlocked.Read(ref _evictions);

    public long Epoch => Interlocked.Read(ref _epoch);

    public bool TryGetCurrent(string scope, out CachedDataKey key) => IsFresh(_byScope.TryGetValue(scope, out key!), key);

    public bool TryGet(DataKeyId id, out CachedDataKey key) => IsFresh(_byId.TryGetValue(id, out key!), key);

    /// <summary>
    /// Caches an unwrapped key (reusing a fresh entry for the same id) and, when <paramref name="current"/>, makes
    /// it the scope's key for new writes. Returns <see langword="null"/> when a shred happened since <paramref name="epoch"/>.
    /// </summary>
    public CachedDataKey? Add(DataKeyId id, string scope, ReadOnlySpan<byte> material, bool current, long epoch)
    {
        lock (_writeGate)
        {
            if (Interlocked.Read(ref _epoch) != epoch)
            {
                return null;
            }

            var now = _time.GetTimestamp();
            if (!_byId.TryGetValue(id, out var entry) || entry.ExpiresAt <= now)
            {
                if (entry is not null)
                {
                    Remove(entry);
                }

                MakeRoom(now);
                entry = new CachedDataKey(id, scope, material, now + _lifetimeTicks, ++_sequence) { LastUsed = now };
                _byId[id] = entry;
            }

            if (current)
            {
                _byScope[scope] = entry;
            }

            return entry;
        }
    }

    /// <summary>Makes an already cached key the scope's current key, unless a shred happened since <paramref name="epoch"/>.</summary>
    public bool SetCurrent(CachedDataKey entry, long epoch)
    {
        lock (_writeGate)
        {
            if (Interlocked.Read(ref _epoch) != epoch || !_byId.TryGetValue(entry.Id, out var cached) || !ReferenceEquals(cached, entry))
            {
                return false;
            }

            _byScope[entry.Scope] = entry;
            return true;
        }
    }

    /// <summary>Stops using the cached current key of a scope for new writes (the key stays cached for decryption).</summary>
    public void ForgetCurrent(string scope) => _byScope.TryRemove(scope, out _);

    /// <summary>Drops and zeroes every key of a scope (after a shred on this instance).</summary>
    public void RemoveScope(string scope)
    {
        lock (_writeGate)
        {
            Interlocked.Increment(ref _epoch);
            _byScope.TryRemove(scope, out _);
            foreach (var entry in _byId.Values)
            {
                if (string.Equals(entry.Scope, scope, StringComparison.Ordinal))
                {
                    Remove(entry);
                }
            }
        }
    }

    public void RemoveExpired()
    {
        lock (_writeGate)
        {
            var now = _time.GetTimestamp();
            foreach (var entry in _byId.Values)
            {
                if (entry.ExpiresAt <= now)
                {
                    Remove(entry);
                }
            }
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        lock (_writeGate)
        {
            foreach (var entry in _byId.Values)
            {
                Remove(entry);
            }
        }
    }

    private bool IsFresh(bool found, CachedDataKey? key)
    {
        if (!found)
        {
            return false;
        }

        var now = _time.GetTimestamp();
        if (key!.ExpiresAt <= now)
        {
            return false;
        }

        key.LastUsed = now;
        return true;
    }

    // Called under the write lock: drop expired keys, then the least recently used, until one fits.
    private void MakeRoom(long now)
    {
        if (_byId.Count < _capacity)
        {
            return;
        }

        foreach (var entry in _byId.Values)
        {
            if (entry.ExpiresAt <= now)
            {
                Remove(entry);
            }
        }

        while (_byId.Count >= _capacity)
        {
            CachedDataKey? oldest = null;
            foreach (var entry in _byId.Values)
            {
                if (oldest is null || entry.LastUsed < oldest.LastUsed || (entry.LastUsed == oldest.LastUsed && entry.Sequence < oldest.Sequence))
                {
                    oldest = entry;
                }
            }

            Remove(oldest!);
        }
    }

    private void Remove(CachedDataKey entry)
    {
        _byId.TryRemove(KeyValuePair.Create(entry.Id, entry));
        _byScope.TryRemove(KeyValuePair.Create(entry.Scope, entry));
        entry.Dispose();
        Interlocked.Increment(ref _evictions);
    }
}
