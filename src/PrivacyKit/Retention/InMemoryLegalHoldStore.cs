using System.Collections.Concurrent;

namespace PrivacyKit.Retention;

/// <summary>Keeps legal holds in memory, for development, tests and single-instance use.</summary>
internal sealed class InMemoryLegalHoldStore : ILegalHoldStore
{
    private readonly ConcurrentDictionary<string, LegalHold> _holds = new(StringComparer.Ordinal);

    public ValueTask PlaceAsync(LegalHold hold, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentException.ThrowIfNullOrWhiteSpace(hold.Id, nameof(hold));
        ArgumentException.ThrowIfNullOrWhiteSpace(hold.SubjectId, nameof(hold));
        if (hold.EntityTypes is null)
        {
            throw new ArgumentException("LegalHold.EntityTypes must not be null; leave it empty to cover every entity.", nameof(hold));
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (!_holds.TryAdd(hold.Id, hold))
        {
            throw Internal.Error.LegalHoldExists(hold.Id);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> ReleaseAsync(string holdId, DateTimeOffset releasedAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(holdId);
        cancellationToken.ThrowIfCancellationRequested();
        while (_holds.TryGetValue(holdId, out var hold) && hold.IsActive)
        {
            if (_holds.TryUpdate(holdId, hold with { ReleasedAt = releasedAt }, hold))
            {
                return ValueTask.FromResult(true);
            }
        }

        return ValueTask.FromResult(false);
    }

    public ValueTask<IReadOnlyList<LegalHold>> GetActiveAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subjectId);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<LegalHold> active = [.. _holds.Values
            .Where(h => h.IsActive && string.Equals(h.SubjectId, subjectId, StringComparison.Ordinal))
            .OrderBy(h => h.PlacedAt)
            .ThenBy(h => h.Id, StringComparer.Ordinal)];
        return ValueTask.FromResult(active);
    }
}
