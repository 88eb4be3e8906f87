using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Keys;

namespace PrivacyKit.Tests.Keys;

/// <summary>
/// The cache's amortised eviction must keep exactly the keys a full scan per addition keeps: expired keys first,
/// then the least recently used (ties: the earliest added). Checked against that naive model after every step.
/// </summary>
public sealed class DataKeyCacheProperties
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    [Property(MaxTest = 100)]
    public Property AnySequence_KeepsTheSameKeysAsAFullScan() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), Gen.Elements(1, 2, 3, 17, 40, 64).ToArbitrary(), (seed, capacity) =>
        {
            // Long runs over a key range a little larger than the cache, so it is full and evicting most of the time.
            var random = new Random(seed);
            var steps = Enumerable.Range(0, 600).Select(_ => (Kind: random.Next(5) switch { < 2 => 0, < 4 => 1, _ => 2 }, Key: random.Next((capacity * 3 / 2) + 2)));
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            using var cache = new DataKeyCache(capacity, Lifetime, time);
            var model = new NaiveCache(capacity, (long)(Lifetime.TotalSeconds * time.TimestampFrequency));
            var entries = new Dictionary<int, CachedDataKey>();
            var milliseconds = 0;
            foreach (var (kind, key) in steps)
            {
                // A millisecond per step, so every use changes the last-use time; a jump lands on the next quarter
                // second, so the sweeper (every lifetime) runs exactly when the model sweeps.
                var advance = kind == 2 ? 250 - (milliseconds % 250) : 1;
                time.Advance(TimeSpan.FromMilliseconds(advance));
                milliseconds += advance;
                if (milliseconds % (int)Lifetime.TotalMilliseconds == 0)
                {
                    model.Sweep(time.GetTimestamp());
                }

                var id = new DataKeyId((ulong)key + 1, 1);
                switch (kind)
                {
                    case 0:
                        entries[key] = cache.Add(id, "s" + key, Material, current: false, cache.Epoch)!;
                        model.Add(key, time.GetTimestamp());
                        break;
                    case 1:
                        var hit = cache.TryGet(id, out _);
                        if (hit != model.TryGet(key, time.GetTimestamp()))
                        {
                            return false;
                        }

                        break;
                }

                var cached = entries.Where(e => !e.Value.IsZeroed).Select(e => e.Key).Order();
                if (!cached.SequenceEqual(model.Keys.Order()) || cache.Count != model.Keys.Count() || cache.Evictions != model.Evictions)
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Add_WhenFull_EvictsTheLeastRecentlyUsedKeysInOrder()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var cache = new DataKeyCache(64, TimeSpan.FromHours(1), time);
        var keys = new List<CachedDataKey>();
        for (var i = 0; i < 64; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            keys.Add(cache.Add(new DataKeyId((ulong)i + 1, 1), "s" + i, Material, current: false, cache.Epoch)!);
        }

        time.Advance(TimeSpan.FromMilliseconds(1));
        for (var i = 0; i < 10; i++)
        {
            Assert.True(cache.TryGet(new DataKeyId((ulong)i + 1, 1), out _));
        }

        for (var i = 0; i < 3; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
            cache.Add(new DataKeyId(1000 + (ulong)i, 1), "new" + i, Material, current: false, cache.Epoch);
            if (i == 0)
            {
                // Key 11 was among the oldest when the cache looked for them; used now, it must stay.
                Assert.True(cache.TryGet(new DataKeyId(12, 1), out _));
            }
        }

        // Keys 0-9 and 11 were used last: 10, 12 and 13 are the least recently used and go, in that order.
        Assert.Equal([10, 12, 13], Enumerable.Range(0, 64).Where(i => keys[i].IsZeroed));
        Assert.Equal(64, cache.Count);
        Assert.Equal(3, cache.Evictions);
    }

    private static byte[] Material => [.. Enumerable.Repeat((byte)0x5A, 32)];

    /// <summary>The reference: a scan of every entry on each addition, as the cache behaved before it was amortised.</summary>
    private sealed class NaiveCache(int capacity, long lifetime)
    {
        private readonly Dictionary<int, (long ExpiresAt, long LastUsed, long Sequence)> _entries = [];
        private long _sequence;

        public long Evictions { get; private set; }

        public IEnumerable<int> Keys => _entries.Keys;

        public void Add(int key, long now)
        {
            if (_entries.TryGetValue(key, out var entry) && entry.ExpiresAt > now)
            {
                return;
            }

            if (_entries.Remove(key))
            {
                Evictions++;
            }

            if (_entries.Count >= capacity)
            {
                Sweep(now);
                while (_entries.Count >= capacity)
                {
                    var oldest = _entries.MinBy(e => (e.Value.LastUsed, e.Value.Sequence)).Key;
                    _entries.Remove(oldest);
                    Evictions++;
                }
            }

            _entries[key] = (now + lifetime, now, ++_sequence);
        }

        public bool TryGet(int key, long now)
        {
            if (!_entries.TryGetValue(key, out var entry) || entry.ExpiresAt <= now)
            {
                return false;
            }

            _entries[key] = entry with { LastUsed = now };
            return true;
        }

        public void Sweep(long now)
        {
            foreach (var (key, entry) in _entries.ToList())
            {
                if (entry.ExpiresAt <= now)
                {
                    _entries.Remove(key);
                    Evictions++;
                }
            }
        }
    }
}
