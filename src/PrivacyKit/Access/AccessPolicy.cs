using System.Collections.Frozen;

namespace PrivacyKit.Access;

/// <summary>
/// An immutable, validated snapshot of the role definitions. Reloading swaps the whole snapshot, so a
/// decision is always made from one version and never from a mix of two.
/// </summary>
internal sealed class AccessPolicy
{
    public const string AnyClassification = "*";

    public AccessPolicy(
        long version,
        FrozenDictionary<string, EffectiveRole> roles,
        IReadOnlyList<FrozenSet<string>> conflictSets,
        AccessControlOptions options)
    {
        Version = version;
        Roles = roles;
        ConflictSets = conflictSets;
        TrustClaimedRoles = options.TrustClaimedRoles;
        CacheLifetime = options.DecisionCacheLifetime;
        CacheSize = options.DecisionCacheSize;
        UnusedAfter = options.UnusedAfter;
    }

    public long Version { get; }

    public FrozenDictionary<string, EffectiveRole> Roles { get; }

    public IReadOnlyList<FrozenSet<string>> ConflictSets { get; }

    public bool TrustClaimedRoles { get; }

    public TimeSpan CacheLifetime { get; }

    public int CacheSize { get; }

    public TimeSpan UnusedAfter { get; }

    /// <summary>Finds a role among <paramref name="heldRoles"/> that may not be held together with <paramref name="candidate"/>.</summary>
    public string? FindConflict(IEnumerable<string> heldRoles, string candidate)
    {
        if (ConflictSets.Count == 0 || !Roles.TryGetValue(candidate, out var wanted))
        {
            return null;
        }

        foreach (var heldName in heldRoles)
        {
            if (!Roles.TryGetValue(heldName, out var held))
            {
                continue;
            }

            foreach (var set in ConflictSets)
            {
                foreach (var a in wanted.Closure)
                {
                    if (!set.Contains(a))
                    {
                        continue;
                    }

                    foreach (var b in held.Closure)
                    {
                        if (set.Contains(b) && !string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
                        {
                            return held.Name;
                        }
                    }
                }
            }
        }

        return null;
    }
}
