using System.Collections.Concurrent;

namespace PrivacyKit.Access;

/// <summary>
/// Cached decisions for one generation: one policy snapshot and one assignment-state version. A new
/// generation replaces the whole cache, so no entry outlives the definitions or grants it was made from.
/// </summary>
internal sealed class DecisionCache(AccessPolicy policy, long stateVersion)
{
    private readonly ConcurrentDictionary<Key, Entry> _entries = new();
    private int _count;

    public AccessPolicy Policy { get; } = policy;

    public long StateVersion { get; } = stateVersion;

    public bool TryGet(string actorId, Permission permission, out Entry entry) =>
        _entries.TryGetValue(new Key(actorId, permission), out entry!);

    public void Set(string actorId, Permission permission, Entry entry)
    {
        if (Interlocked.Increment(ref _count) > Policy.CacheSize)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        _entries[new Key(actorId, permission)] = entry;
    }

    internal readonly record struct Key(string ActorId, Permission Permission);

    /// <summary>A cached decision and what it was made for: it is reused only for the same tenant and claimed roles, until <see cref="ValidUntilUtcTicks"/>.</summary>
    internal sealed class Entry(AccessDecision decision, long validUntilUtcTicks, string? tenantId, IReadOnlyList<string> claimedRoles, RoleUsageTracker.Slot[] usage)
    {
        public AccessDecision Decision { get; } = decision;

        public long ValidUntilUtcTicks { get; } = validUntilUtcTicks;

        public string? TenantId { get; } = tenantId;

        public IReadOnlyList<string> ClaimedRoles { get; } = claimedRoles;

        public RoleUsageTracker.Slot[] Usage { get; } = usage;
    }
}
