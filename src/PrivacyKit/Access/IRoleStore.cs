namespace PrivacyKit.Access;

/// <summary>
/// Stores role assignments, their last use and their recertifications. PrivacyKit ships an in-memory
/// store for development and tests; the EF Core adapter stores them in the application's database.
/// Role checks, separation of duties and audit happen in <see cref="IRoleManager"/>, not here.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and must never delete an assignment (revocation only marks it).
/// They throw only for storage faults; an unknown id is not a fault.
/// </remarks>
public interface IRoleStore
{
    /// <summary>Gets every assignment of one actor, revoked and expired ones included.</summary>
    /// <param name="actorId">The actor's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The assignments; empty when none.</returns>
    ValueTask<IReadOnlyList<RoleAssignment>> GetAssignmentsAsync(string actorId, CancellationToken cancellationToken = default);

    /// <summary>Gets every assignment of every actor, for the access review.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The assignments.</returns>
    ValueTask<IReadOnlyList<RoleAssignment>> GetAllAssignmentsAsync(CancellationToken cancellationToken = default);

    /// <summary>Finds one assignment.</summary>
    /// <param name="assignmentId">The assignment's id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The assignment, or <see langword="null"/> when there is none with that id.</returns>
    ValueTask<RoleAssignment?> FindAssignmentAsync(string assignmentId, CancellationToken cancellationToken = default);

    /// <summary>Adds a new assignment.</summary>
    /// <param name="assignment">The assignment; its id is new.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the assignment is stored.</returns>
    ValueTask AddAssignmentAsync(RoleAssignment assignment, CancellationToken cancellationToken = default);

    /// <summary>Marks an assignment revoked, unless it already is.</summary>
    /// <param name="assignmentId">The assignment's id.</param>
    /// <param name="revokedBy">The id of the actor revoking it.</param>
    /// <param name="revokedAt">When it was revoked.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The revoked assignment; <see langword="null"/> when none has that id or it was already revoked.</returns>
    ValueTask<RoleAssignment?> RevokeAssignmentAsync(string assignmentId, string revokedBy, DateTimeOffset revokedAt, CancellationToken cancellationToken = default);

    /// <summary>Records when assignments were last used, keeping the later time when one is already stored.</summary>
    /// <param name="lastUsed">Last-use times by assignment id.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the times are stored.</returns>
    ValueTask RecordUsageAsync(IReadOnlyDictionary<string, DateTimeOffset> lastUsed, CancellationToken cancellationToken = default);

    /// <summary>Adds a recertification record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the record is stored.</returns>
    ValueTask AddReviewAsync(AccessReviewRecord record, CancellationToken cancellationToken = default);

    /// <summary>Gets every recertification record.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The records, oldest first.</returns>
    ValueTask<IReadOnlyList<AccessReviewRecord>> GetReviewsAsync(CancellationToken cancellationToken = default);
}
