using System.Globalization;
using Microsoft.Extensions.Logging;
using PrivacyKit.Audit;
using PrivacyKit.Internal;

namespace PrivacyKit.Access;

internal sealed class RoleManager(
    AccessPolicyProvider policies,
    IRoleStore store,
    IAuditTrail audit,
    AccessStateVersion state,
    TimeProvider time,
    ILogger<RoleManager> logger) : IRoleManager, IDisposable
{
    private readonly SemaphoreSlim _grantLock = new(1, 1);

    public async ValueTask<RoleAssignment> GrantAsync(RoleGrantRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ActorId, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Role, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.GrantedBy, nameof(request));
        var now = time.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= (request.StartsAt ?? now))
        {
            throw Error.ExpiryNotAfterStart(nameof(request));
        }

        var policy = policies.Current;
        if (!policy.Roles.TryGetValue(request.Role, out var role))
        {
            throw Error.UnknownRole(request.Role);
        }

        if (string.Equals(request.ActorId, request.GrantedBy, StringComparison.Ordinal))
        {
            throw Error.SelfGrant(role.Name);
        }

        await _grantLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = await store.GetAssignmentsAsync(request.ActorId, cancellationToken).ConfigureAwait(false);
            var conflict = policy.FindConflict(existing.Where(a => a.RevokedAt is null && (a.ExpiresAt is null || a.ExpiresAt > now)).Select(a => a.Role), role.Name);
            if (conflict is not null)
            {
                throw Error.SeparationOfDuties(role.Name, conflict);
            }

            var assignment = new RoleAssignment
            {
                Id = Guid.CreateVersion7(now).ToString("N"),
                ActorId = request.ActorId,
                Role = role.Name,
                GrantedBy = request.GrantedBy,
                GrantedAt = now,
                StartsAt = request.StartsAt,
                ExpiresAt = request.ExpiresAt,
            };

            // Audited first: a grant that cannot be audited is not stored.
            await audit.RecordAsync(Event(AuditEventKind.RoleGranted, "roles:grant", request.GrantedBy, assignment, now), cancellationToken).ConfigureAwait(false);
            await store.AddAssignmentAsync(assignment, cancellationToken).ConfigureAwait(false);
            state.Increment();
            AccessLog.RoleGranted(logger, assignment.Role, assignment.ActorId, assignment.GrantedBy, assignment.Id);
            return assignment;
        }
        finally
        {
            _grantLock.Release();
        }
    }

    public async ValueTask<RoleAssignment?> RevokeAsync(string assignmentId, string revokedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignmentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(revokedBy);
        var now = time.GetUtcNow();
        var revoked = await store.RevokeAssignmentAsync(assignmentId, revokedBy, now, cancellationToken).ConfigureAwait(false);
        if (revoked is null)
        {
            _ = await store.FindAssignmentAsync(assignmentId, cancellationToken).ConfigureAwait(false) ?? throw Error.AssignmentNotFound(assignmentId);
            return null;
        }

        // Effective first: a revocation must not wait for the audit trail.
        state.Increment();
        AccessLog.RoleRevoked(logger, revoked.Id, revoked.Role, revokedBy);
        await audit.RecordAsync(Event(AuditEventKind.RoleRevoked, "roles:revoke", revokedBy, revoked, now), cancellationToken).ConfigureAwait(false);
        return revoked;
    }

    public void Dispose() => _grantLock.Dispose();

    internal static AuditEvent Event(AuditEventKind kind, string action, string actorId, RoleAssignment assignment, DateTimeOffset now, string? reason = null)
    {
        var properties = new Dictionary<string, string>(4, StringComparer.Ordinal)
        {
            ["role"] = assignment.Role,
            ["holderId"] = assignment.ActorId,
        };
        if (assignment.StartsAt is { } starts)
        {
            properties["startsAt"] = starts.ToString("O", CultureInfo.InvariantCulture);
        }

        if (assignment.ExpiresAt is { } expires)
        {
            properties["expiresAt"] = expires.ToString("O", CultureInfo.InvariantCulture);
        }

        return new AuditEvent
        {
            Kind = kind,
            Action = action,
            ActorId = actorId,
            ResourceType = "RoleAssignment",
            ResourceId = assignment.Id,
            Reason = reason,
            Timestamp = now,
            Properties = properties,
        };
    }
}
