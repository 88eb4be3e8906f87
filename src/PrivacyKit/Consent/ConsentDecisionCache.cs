using System.Collections.Concurrent;

namespace PrivacyKit.Consent;

/// <summary>
/// Per-instance cache of consent decisions. Entries live at most the configured lifetime and never
/// beyond the grant's own expiry; a change on this instance drops the subject's entries at once, and
/// a generation number stops a check that read the store before the change from caching a stale answer.
/// </summary>
internal sealed class ConsentDecisionCache(TimeProvider time, TimeSpan lifetime, int maxSubjects)
{
    private readonly ConcurrentDictionary<string, SubjectEntry> _subjects = new(StringComparer.Ordinal);

    public bool Enabled => lifetime > TimeSpan.Zero;

    public bool TryGet(string subjectId, string purposeId, out ConsentDecision decision)
    {
        if (Enabled && _subjects.TryGetValue(subjectId, out var entry) &&
            entry.Decisions.TryGetValue(purposeId, out var cached) && time.GetUtcNow() < cached.Until)
        {
            decision = cached.Decision;
            return true;
        }

        decision = null!;
        return false;
    }

    /// <summary>Returns the subject's current generation, to pass to <see cref="Set"/>.</summary>
    public object Generation(string subjectId)
    {
        if (!Enabled)
        {
            return this;
        }

        if (!_subjects.TryGetValue(subjectId, out var entry))
        {
            if (_subjects.Count >= maxSubjects)
            {
                _subjects.Clear();
            }

            entry = _subjects.GetOrAdd(subjectId, static _ => new SubjectEntry());
        }

        return entry;
    }

    public void Set(string subjectId, object generation, ConsentDecision decision)
    {
        if (!Enabled || generation is not SubjectEntry entry || !_subjects.TryGetValue(subjectId, out var current) || !ReferenceEquals(entry, current))
        {
            return;
        }

        var until = time.GetUtcNow() + lifetime;
        if (decision.ExpiresAt is { } expiresAt && expiresAt < until)
        {
            until = expiresAt;
        }

        entry.Decisions[decision.PurposeId] = new Cached(decision, until);
    }

    public void Invalidate(string subjectId)
    {
        if (Enabled)
        {
            // Replacing the entry (rather than clearing it) makes any in-flight Set with the old generation a no-op.
            _subjects.TryRemove(subjectId, out _);
        }
    }

    private sealed class SubjectEntry
    {
        public ConcurrentDictionary<string, Cached> Decisions { get; } = new(StringComparer.Ordinal);
    }

    private sealed record Cached(ConsentDecision Decision, DateTimeOffset Until);
}
