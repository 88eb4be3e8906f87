using PrivacyKit.Context;

namespace PrivacyKit.Access;

/// <summary>
/// Decides whether an actor may use a permission, and with which obligations (row filter, field
/// access). Denies by default: only an active role assignment (or, when trusted, a claimed role)
/// whose role grants the permission allows. Every denial is recorded as an
/// <see cref="Audit.AuditEventKind.AccessDenied"/> audit event; allowed decisions are not audited here.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. Decisions are cached per actor and permission for
/// <see cref="AccessControlOptions.DecisionCacheLifetime"/>, never beyond the expiry or start of an
/// assignment; reloads, grants and revocations on this instance invalidate the cache at once. Each
/// decision is made from one snapshot of the role definitions. They throw
/// <see cref="Audit.AuditException"/> when a denial cannot be audited, and exceptions of the
/// <see cref="IRoleStore"/>.
/// </remarks>
public interface IAccessEvaluator
{
    /// <summary>Decides whether <paramref name="actor"/> may use <paramref name="permission"/>, with the row filter and field obligations that apply.</summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="permission">What they ask for, e.g. <c>customers:read</c>.</param>
    /// <param name="cancellationToken">Cancels reading role assignments.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="permission"/> is empty.</exception>
    ValueTask<AccessDecision> EvaluateAsync(PrivacyActor actor, Permission permission, CancellationToken cancellationToken = default);

    /// <summary>
    /// Decides whether <paramref name="actor"/> may use <paramref name="permission"/> on one entity instance: as
    /// <see cref="EvaluateAsync(PrivacyActor, Permission, CancellationToken)"/>, then denies with
    /// <see cref="AccessDecisionReason.OutOfScope"/> when the instance lies outside the decision's row filter.
    /// </summary>
    /// <param name="actor">Who asks.</param>
    /// <param name="permission">What they ask for, e.g. <c>customers:update</c>.</param>
    /// <param name="instance">The entity instance; its type needs a row scope binding unless the scope is <see cref="RowScope.All"/>.</param>
    /// <param name="cancellationToken">Cancels reading role assignments.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="actor"/> or <paramref name="instance"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="permission"/> is empty.</exception>
    /// <exception cref="AccessControlException">The scope is row-limited but the instance's type has no row scope binding, or lacks the property the scope needs.</exception>
    ValueTask<AccessDecision> EvaluateInstanceAsync(PrivacyActor actor, Permission permission, object instance, CancellationToken cancellationToken = default);

    /// <summary>Drops every cached decision, e.g. after team memberships changed.</summary>
    void InvalidateCache();
}
