namespace PrivacyKit.Requests;

/// <summary>
/// Keeps data subject requests, the history of their transitions and the per-source execution
/// records. The default keeps them in memory (for tests and single-node development); the EF Core
/// package keeps them in the application's database.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and safe across app instances sharing one database:
/// <see cref="TryUpdateAsync"/> is an optimistic compare-and-swap on <see cref="SubjectRequest.Version"/>
/// that writes the request and its history entry atomically, and the execution lease is settled by the
/// store. Methods throw only on faults (and <see cref="InvalidOperationException"/> for a duplicate id).
/// Results are ordered by <see cref="SubjectRequest.ReceivedAt"/>, transitions by sequence.
/// </remarks>
public interface ISubjectRequestStore
{
    /// <summary>Adds a new request with its first history entry.</summary>
    /// <param name="request">The request, with <see cref="SubjectRequest.Version"/> 1.</param>
    /// <param name="submitted">Its first history entry (<see cref="SubjectRequestCommand.Submit"/>).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when both are stored.</returns>
    /// <exception cref="InvalidOperationException">A request with the same id exists.</exception>
    ValueTask AddAsync(SubjectRequest request, SubjectRequestTransition submitted, CancellationToken cancellationToken = default);

    /// <summary>Gets a request.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The request, or <see langword="null"/> when none has the id.</returns>
    ValueTask<SubjectRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces a request if its stored version is still <paramref name="expectedVersion"/>, and appends
    /// <paramref name="transition"/> to its history in the same atomic step.
    /// </summary>
    /// <param name="request">The new state, with version <paramref name="expectedVersion"/> + 1.</param>
    /// <param name="expectedVersion">The version the change was based on.</param>
    /// <param name="transition">The history entry for the change.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if stored; <see langword="false"/> if the request changed meanwhile or does not exist.</returns>
    ValueTask<bool> TryUpdateAsync(SubjectRequest request, long expectedVersion, SubjectRequestTransition transition, CancellationToken cancellationToken = default);

    /// <summary>Gets a request's history, oldest first.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The transitions; empty when the request does not exist.</returns>
    ValueTask<IReadOnlyList<SubjectRequestTransition>> GetHistoryAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Lists the requests that match a filter.</summary>
    /// <param name="filter">The criteria.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The matching requests, oldest receipt first.</returns>
    ValueTask<IReadOnlyList<SubjectRequest>> ListAsync(SubjectRequestFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Gets the execution records of a request.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One record per source that was called; empty when none.</returns>
    ValueTask<IReadOnlyList<SourceExecutionRecord>> GetExecutionRecordsAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Adds or replaces the execution record of one source for one request (keyed by request id and source name).</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the record is durable.</returns>
    ValueTask SaveExecutionRecordAsync(SourceExecutionRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the execution lease of a request for <paramref name="owner"/> until <paramref name="until"/>,
    /// if no other owner holds an unexpired lease at <paramref name="now"/>. The same owner may renew it.
    /// </summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="owner">A unique id of the execution (instance id and a random part).</param>
    /// <param name="now">The current time.</param>
    /// <param name="until">When the lease expires.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if <paramref name="owner"/> now holds the lease.</returns>
    ValueTask<bool> TryAcquireLeaseAsync(string requestId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default);

    /// <summary>Releases the execution lease if <paramref name="owner"/> holds it.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="owner">The owner that took the lease.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the lease is released.</returns>
    ValueTask ReleaseLeaseAsync(string requestId, string owner, CancellationToken cancellationToken = default);
}
