using System.Collections.Concurrent;

namespace PrivacyKit.Access;

/// <summary>
/// Records when each assignment last granted a decision. The evaluator touches a slot per granting
/// assignment; a slot is written at most once per second, so cached decisions stay cheap and threads
/// do not fight over cache lines. The access review flushes the slots to the <see cref="IRoleStore"/>.
/// </summary>
internal sealed class RoleUsageTracker
{
    private static readonly long Granularity = TimeSpan.TicksPerSecond;
    private readonly ConcurrentDictionary<string, Slot> _slots = new(StringComparer.Ordinal);

    public Slot GetSlot(string assignmentId) => _slots.GetOrAdd(assignmentId, static _ => new Slot());

    public Dictionary<string, DateTimeOffset> Snapshot()
    {
        var result = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (id, slot) in _slots)
        {
            var ticks = Volatile.Read(ref slot.UtcTicks);
            if (ticks > 0)
            {
                result[id] = new DateTimeOffset(ticks, TimeSpan.Zero);
            }
        }

        return result;
    }

    internal sealed class Slot
    {
#pragma warning disable CA1051 // A field, so it can be read and written with Volatile.
        public long UtcTicks;
#pragma warning restore CA1051

        public void Touch(long nowUtcTicks)
        {
            if (nowUtcTicks - Volatile.Read(ref UtcTicks) >= Granularity)
            {
                Volatile.Write(ref UtcTicks, nowUtcTicks);
            }
        }
    }
}
