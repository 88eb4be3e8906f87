namespace PrivacyKit.Requests;

/// <summary>What operators watch: open, due-soon and overdue requests, and figures.</summary>
/// <remarks>Implementations are thread-safe and read from the <see cref="ISubjectRequestStore"/>; they throw only when the store fails.</remarks>
public interface ISubjectRequestReports
{
    /// <summary>Lists the open requests, oldest first.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The open requests.</returns>
    ValueTask<IReadOnlyList<SubjectRequest>> GetOpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists the requests that match a filter, e.g. one subject's requests for a self-service page.</summary>
    /// <param name="filter">The criteria; unset ones match everything.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The matching requests, oldest receipt first.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="filter"/> is <see langword="null"/>.</exception>
    ValueTask<IReadOnlyList<SubjectRequest>> ListAsync(SubjectRequestFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Lists the open requests whose next deadline falls within a window from now (not yet passed), soonest first.</summary>
    /// <param name="window">How far ahead to look; <see langword="null"/> uses <see cref="SubjectRequestOptions.DueSoonWindow"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The requests due soon.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is zero or negative.</exception>
    ValueTask<IReadOnlyList<SubjectRequest>> GetDueSoonAsync(TimeSpan? window = null, CancellationToken cancellationToken = default);

    /// <summary>Lists the open requests past a pending deadline, most overdue first.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The overdue requests.</returns>
    ValueTask<IReadOnlyList<SubjectRequest>> GetOverdueAsync(CancellationToken cancellationToken = default);

    /// <summary>Computes figures over the requests received since a point in time.</summary>
    /// <param name="since">The start of the period; <see langword="null"/> for all time.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The figures.</returns>
    ValueTask<SubjectRequestMetrics> GetMetricsAsync(DateTimeOffset? since = null, CancellationToken cancellationToken = default);
}
