using Microsoft.Extensions.Options;

namespace PrivacyKit.Requests;

/// <summary>Operator queries and figures over the request store.</summary>
internal sealed class SubjectRequestReports(
    ISubjectRequestStore store, TimeProvider timeProvider, IOptions<SubjectRequestOptions> options) : ISubjectRequestReports
{
    public ValueTask<IReadOnlyList<SubjectRequest>> GetOpenAsync(CancellationToken cancellationToken = default) =>
        store.ListAsync(new SubjectRequestFilter { OpenOnly = true }, cancellationToken);

    public ValueTask<IReadOnlyList<SubjectRequest>> ListAsync(SubjectRequestFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return store.ListAsync(filter, cancellationToken);
    }

    public async ValueTask<IReadOnlyList<SubjectRequest>> GetDueSoonAsync(TimeSpan? window = null, CancellationToken cancellationToken = default)
    {
        var span = window ?? options.Value.DueSoonWindow;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero, nameof(window));
        var now = timeProvider.GetUtcNow();
        var list = await store.ListAsync(new SubjectRequestFilter { OpenOnly = true, NextDueBefore = now + span }, cancellationToken).ConfigureAwait(false);
        return [.. list.Where(r => r.NextDueAt >= now).OrderBy(r => r.NextDueAt)];
    }

    public async ValueTask<IReadOnlyList<SubjectRequest>> GetOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var list = await store.ListAsync(new SubjectRequestFilter { OpenOnly = true, NextDueBefore = now }, cancellationToken).ConfigureAwait(false);
        return [.. list.OrderBy(r => r.NextDueAt)];
    }

    public async ValueTask<SubjectRequestMetrics> GetMetricsAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var all = await store.ListAsync(new SubjectRequestFilter { ReceivedSince = since }, cancellationToken).ConfigureAwait(false);
        var closed = all.Where(r => r.ClosedAt is not null).ToList();
        var durations = closed.Select(r => r.ClosedAt!.Value - r.ReceivedAt).Order().ToList();
        return new SubjectRequestMetrics
        {
            Since = since,
            ComputedAt = now,
            CountsByKind = all.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count()),
            Total = all.Count,
            Open = all.Count(r => r.IsOpen),
            Overdue = all.Count(r => r.IsOverdueAt(now)),
            Extended = all.Count(r => r.ExtendedDueAt is not null),
            Completed = all.Count(r => r.Status == SubjectRequestStatus.Completed),
            Rejected = all.Count(r => r.Status == SubjectRequestStatus.Rejected),
            ClosedLate = closed.Count(r => r.ClosedAt > r.EffectiveDueAt),
            MedianTimeToClose = Median(durations),
        };
    }

    private static TimeSpan? Median(List<TimeSpan> sorted) => sorted.Count switch
    {
        0 => null,
        var n when n % 2 == 1 => sorted[n / 2],
        var n => (sorted[(n / 2) - 1] + sorted[n / 2]) / 2,
    };
}
