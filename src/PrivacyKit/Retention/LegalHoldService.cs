using Microsoft.Extensions.Logging;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.Internal;
using PrivacyKit.Requests;

namespace PrivacyKit.Retention;

/// <summary>Validates, stores and audits legal hold changes. Stores first, then audits (as consent changes do).</summary>
internal sealed class LegalHoldService(
    ILegalHoldStore store,
    IAuditTrail auditTrail,
    IPrivacyContextAccessor contextAccessor,
    TimeProvider timeProvider,
    ILogger<LegalHoldService> logger) : ILegalHoldService
{
    public const string ResourceType = "LegalHold";
    public const int MaxCaseReferenceLength = 100;

    public async ValueTask<LegalHold> PlaceAsync(
        string subjectId,
        string reason,
        string caseReference,
        PrivacyActor placedBy,
        IReadOnlyList<string>? entityTypes = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(caseReference);
        ArgumentNullException.ThrowIfNull(placedBy);
        NonPersonalText.Check(reason, subjectId, nameof(reason));
        if (caseReference.Length > MaxCaseReferenceLength)
        {
            throw Error.TextTooLong(nameof(caseReference), MaxCaseReferenceLength);
        }

        NonPersonalText.Check(caseReference, subjectId, nameof(caseReference));
        string[] entities = [.. (entityTypes ?? []).Distinct(StringComparer.Ordinal)];
        if (entities.Any(string.IsNullOrWhiteSpace))
        {
            throw Error.LegalHoldEntityTypeEmpty(nameof(entityTypes));
        }

        var now = timeProvider.GetUtcNow();
        var hold = new LegalHold
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            SubjectId = subjectId,
            Reason = $"{reason} (case {caseReference})",
            EntityTypes = entities,
            PlacedAt = now,
            PlacedBy = placedBy.Id,
        };
        await store.PlaceAsync(hold, cancellationToken).ConfigureAwait(false);
        RetentionLog.LegalHoldPlaced(logger, hold.Id, entities.Length);
        await AuditAsync("retention.legal-hold.place", hold, placedBy, reason, caseReference, now, cancellationToken).ConfigureAwait(false);
        return hold;
    }

    public async ValueTask<bool> ReleaseAsync(
        string subjectId,
        string holdId,
        string reason,
        PrivacyActor releasedBy,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(holdId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(releasedBy);
        NonPersonalText.Check(reason, subjectId, nameof(reason));

        var active = await store.GetActiveAsync(subjectId, cancellationToken).ConfigureAwait(false);
        var hold = active.FirstOrDefault(h => string.Equals(h.Id, holdId, StringComparison.Ordinal));
        var now = timeProvider.GetUtcNow();
        if (hold is null || !await store.ReleaseAsync(holdId, now, cancellationToken).ConfigureAwait(false))
        {
            RetentionLog.LegalHoldNotActive(logger, holdId);
            return false;
        }

        RetentionLog.LegalHoldReleased(logger, holdId);
        await AuditAsync("retention.legal-hold.release", hold with { ReleasedAt = now }, releasedBy, reason, caseReference: null, now, cancellationToken)
            .ConfigureAwait(false);
        return true;
    }

    public ValueTask<IReadOnlyList<LegalHold>> GetActiveAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        return store.GetActiveAsync(subjectId, cancellationToken);
    }

    private ValueTask AuditAsync(
        string action, LegalHold hold, PrivacyActor actor, string reason, string? caseReference, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["holdId"] = hold.Id,
            ["entityTypes"] = hold.EntityTypes.Count == 0 ? "*" : string.Join(',', hold.EntityTypes),
        };
        if (caseReference is not null)
        {
            properties["caseReference"] = caseReference;
        }

        return auditTrail.RecordAsync(
            new AuditEvent
            {
                Kind = AuditEventKind.Retention,
                Action = action,
                ActorId = actor.Id,
                ActorRoles = actor.Roles,
                OnBehalfOf = actor.OnBehalfOf,
                SubjectId = hold.SubjectId,
                ResourceType = ResourceType,
                ResourceId = hold.Id,
                Reason = reason,
                Timestamp = at,
                CorrelationId = contextAccessor.Current?.CorrelationId,
                Properties = properties,
            },
            cancellationToken);
    }
}
