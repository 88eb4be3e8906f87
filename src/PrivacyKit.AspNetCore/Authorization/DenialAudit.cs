using PrivacyKit.Audit;
using PrivacyKit.Context;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>Records the adapter's own denials (consent, step-up) as <see cref="AuditEventKind.AccessDenied"/>; permission denials are audited by the core's evaluator.</summary>
internal static class DenialAudit
{
    public static ValueTask RecordAsync(
        IAuditTrail audit, PrivacyActor actor, string action, string reason, string? subjectId, string? purpose, CancellationToken cancellationToken) =>
        audit.RecordAsync(
            new AuditEvent
            {
                Kind = AuditEventKind.AccessDenied,
                Action = action,
                ActorId = actor.Id,
                ActorRoles = actor.Roles,
                OnBehalfOf = actor.OnBehalfOf,
                SubjectId = subjectId,
                Purpose = purpose,
                Outcome = AuditOutcome.Denied,
                Reason = reason,
            },
            cancellationToken);
}
