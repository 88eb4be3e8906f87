namespace PrivacyKit.Access;

/// <summary>
/// Grants and revokes roles: checks that the role exists, that nobody grants a role to themselves
/// and that no actor holds conflicting roles (separation of duties), records an audit event for each
/// grant and revocation, and makes the change effective for access decisions at once.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe; grants are serialized on an instance so that two concurrent
/// grants cannot together break separation of duties. Whether the granting actor may manage roles is
/// for the caller to check (e.g. with the <c>roles:manage</c> permission). Grants are audited before
/// they are stored, revocations after they took effect; an <see cref="Audit.AuditException"/> from the
/// audit trail propagates.
/// </remarks>
public interface IRoleManager
{
    /// <summary>Grants a role.</summary>
    /// <param name="request">The grant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new assignment.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An id or the role name is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The expiry is not after the start (or, without a start, not after now).</exception>
    /// <exception cref="AccessControlException">The role is not defined, or the actor would grant a role to themselves.</exception>
    /// <exception cref="SeparationOfDutiesException">The actor holds a role declared conflicting with this one.</exception>
    /// <exception cref="Audit.AuditException">The grant could not be audited; it was not stored.</exception>
    ValueTask<RoleAssignment> GrantAsync(RoleGrantRequest request, CancellationToken cancellationToken = default);

    /// <summary>Revokes an assignment; it stops granting at once on this instance.</summary>
    /// <param name="assignmentId">The assignment's id.</param>
    /// <param name="revokedBy">The id of the actor revoking it.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The revoked assignment, or <see langword="null"/> when it was already revoked.</returns>
    /// <exception cref="ArgumentException"><paramref name="assignmentId"/> or <paramref name="revokedBy"/> is null or empty.</exception>
    /// <exception cref="AccessControlException">No assignment has that id.</exception>
    /// <exception cref="Audit.AuditException">The revocation took effect but could not be audited.</exception>
    ValueTask<RoleAssignment?> RevokeAsync(string assignmentId, string revokedBy, CancellationToken cancellationToken = default);
}
