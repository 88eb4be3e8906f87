namespace PrivacyKit.Access;

/// <summary>
/// Produces the periodic access review (who holds what, granted by whom, expiry, last use, flags for
/// expired, unused and conflicting assignments) and records recertification decisions.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. Recertifications are audited as
/// <see cref="Audit.AuditEventKind.AccessReviewed"/>; a <see cref="AccessReviewDecision.Revoke"/> revokes the
/// assignment at once through <see cref="IRoleManager"/>. They throw exceptions of the
/// <see cref="IRoleStore"/> and <see cref="Audit.AuditException"/> when an event cannot be recorded.
/// </remarks>
public interface IAccessReviewService
{
    /// <summary>Creates the report of every assignment. Last-use times recorded on this instance are saved to the store first.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The report.</returns>
    ValueTask<AccessReviewReport> CreateReportAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the last-use times this instance recorded to the <see cref="IRoleStore"/>. The report does this
    /// for its own instance; on several app servers, call it periodically on each so the report sees all use.
    /// </summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the times are saved.</returns>
    ValueTask SaveUsageAsync(CancellationToken cancellationToken = default);

    /// <summary>Records a reviewer's decision on an assignment; <see cref="AccessReviewDecision.Revoke"/> revokes it.</summary>
    /// <param name="assignmentId">The assignment's id.</param>
    /// <param name="reviewerId">The reviewer's id; it must differ from the holder's.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The recertification record.</returns>
    /// <exception cref="ArgumentException"><paramref name="assignmentId"/> or <paramref name="reviewerId"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decision"/> is not a defined value.</exception>
    /// <exception cref="AccessControlException">No assignment has that id, or the reviewer holds it.</exception>
    ValueTask<AccessReviewRecord> RecertifyAsync(string assignmentId, string reviewerId, AccessReviewDecision decision, CancellationToken cancellationToken = default);
}
