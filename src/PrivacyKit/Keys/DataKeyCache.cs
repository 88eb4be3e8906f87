using System.Collections.Concurrent;

namespace PrivacyKit.Keys;

/// <summary>
/// The bounded, expiring cache of unwrapped data keys: by (key id, version) for decryption and by scope
/// for the current key of new writes. Reads are lock-free; additions and evictions take one lock so the
/// bound is exact. Evicted keys are zeroed. A shred bumps an epoch so a load that raced it is not cached.
/// A full cache evicts expired keys first, then the least recently used, as a scan of every entry per addition
/// would, but at a fraction of the cost: see <see cref="MakeRoom"/>.
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
    private readonly Queue<(CachedDataKey Entry, long LastUsed)> _victims = new();
    private readonly int _victimBatch;
    private int _count;
    private long _earliestExpiry = long.MaxValue;
    private long _epoch;
    private long _sequence;
    private long _evictions;

    public DataKeyCache(int capacity, TimeSpan lifetime, TimeProvider time)
    {
        _capacity = capacity;
        _victimBatch = Math.Max(1, capacity / 16);
        _time = time;
        _lifetimeTicks = (long)(lifetime.TotalSeconds * time.TimestampFrequency);
        _sweeper = time.CreateTimer(_ => RemoveExpired(), null, lifetime, lifetime);
    }

    /// <summary>Gets the number of cached keys (kept beside the dictionary: ConcurrentDictionary.Count takes every lock).</summary>
    public int Count => Volatile.Read(ref _count);

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
                _count++;
                _earliestExpiry = Math.Min(_earliestExpiry, entry.ExpiresAt);
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
            foreach (var (_, entry) in _byId)
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
            RemoveExpired(_time.GetTimestamp());
        }
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        lock (_writeGate)
        {
            foreach (var (_, entry) in _byId)
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

    /// <summary>
    /// Called under the write lock: drops expired keys, then the least recently used, until one more fits. The result
    /// is that of scanning every entry per addition, amortised: expired keys are only looked for once the earliest
    /// expiry has passed (a later addition never expires sooner), and one scan queues the oldest keys for the next
    /// evictions. A queued key used since that scan is skipped (it is no longer among the oldest); every key not
    /// queued was newer than all queued ones then and can only have become newer, so the first unused queued key
    /// is the least recently used of all. The scan repeats when the queue runs out.
    /// </summary>
    private void MakeRoom(long now)
    {
        if (_count < _capacity)
        {
            return;
        }

        if (now >= _earliestExpiry)
        {
            RemoveExpired(now);
        }

        while (_count >= _capacity)
        {
            if (_victims.Count == 0)
            {
                QueueOldest();
                if (!_victims.TryDequeue(out var oldest))
                {
                    return;   // nothing cached: cannot happen while the count is right, but never loop on it
                }

                Remove(oldest.Entry);   // the oldest now, as a full scan finds it
                continue;
            }

            var (entry, lastUsed) = _victims.Dequeue();
            if (entry.LastUsed == lastUsed && _byId.TryGetValue(entry.Id, out var cached) && ReferenceEquals(cached, entry))
            {
                Remove(entry);
            }
        }
    }

    // Under the write lock: queues the oldest keys (by last use, then by addition), oldest first.
    private void QueueOldest()
    {
        var newestFirst = Comparer<(long LastUsed, long Sequence)>.Create(static (a, b) => b.CompareTo(a));
        var oldest = new PriorityQueue<(CachedDataKey Entry, long LastUsed), (long LastUsed, long Sequence)>(_victimBatch + 1, newestFirst);
        foreach (var (_, entry) in _byId)
        {
            var lastUsed = entry.LastUsed;
            if (oldest.Count < _victimBatch)
            {
                oldest.Enqueue((entry, lastUsed), (lastUsed, entry.Sequence));
            }
            else
            {
                oldest.EnqueueDequeue((entry, lastUsed), (lastUsed, entry.Sequence));
            }
        }

        var ordered = new (CachedDataKey Entry, long LastUsed)[oldest.Count];
        for (var i = ordered.Length - 1; i >= 0; i--)
        {
            ordered[i] = oldest.Dequeue();
        }

        foreach (var victim in ordered)
        {
            _victims.Enqueue(victim);
        }
    }

    // Under the write lock: drops every expired key and notes when the next one expires.
    private void RemoveExpired(long now)
    {
        var earliest = long.MaxValue;
        foreach (var (_, entry) in _byId)
        {
            if (entry.ExpiresAt <= now)
            {
                Remove(entry);
            }
            else
            {
                earliest = Math.Min(earliest, entry.ExpiresAt);
            }
        }

        _earliestExpiry = earliest;
    }

    private void Remove(CachedDataKey entry)
    {
        if (_byId.TryRemove(KeyValuePair.Create(entry.Id, entry)))
        {
            _count--;
        }

        _byScope.TryRemove(KeyValuePair.Create(entry.Scope, entry));
        entry.Dispose();
        Interlocked.Increment(ref _evictions);
    }
}
