using System.Collections.Concurrent;
using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Requests;

/// <summary>A small in-memory legal hold store for request tests.</summary>
internal sealed class TestLegalHoldStore : ILegalHoldStore
{
    private readonly ConcurrentDictionary<string, LegalHold> _holds = new(StringComparer.Ordinal);

    public ValueTask PlaceAsync(LegalHold hold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hold);
        if (!_holds.TryAdd(hold.Id, hold))
        {
            throw new InvalidOperationException($"Hold {hold.Id} exists.");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> ReleaseAsync(string holdId, DateTimeOffset releasedAt, CancellationToken cancellationToken = default)
    {
        if (_holds.TryGetValue(holdId, out var hold) && hold.IsActive)
        {
            _holds[holdId] = hold with { ReleasedAt = releasedAt };
            return ValueTask.FromResult(true);
        }

        return ValueTask.FromResult(false);
    }

    public ValueTask<IReadOnlyList<LegalHold>> GetActiveAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<LegalHold> active = [.. _holds.Values.Where(h => h.IsActive && h.SubjectId == subjectId)];
        return ValueTask.FromResult(active);
    }
}
