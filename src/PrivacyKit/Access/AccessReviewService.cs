using Microsoft.Extensions.Logging;
using PrivacyKit.Audit;
using PrivacyKit.Internal;

namespace PrivacyKit.Access;

internal sealed class AccessReviewService(
    AccessPolicyProvider policies,
    IRoleStore store,
    IRoleManager roles,
    IAuditTrail audit,
    RoleUsageTracker usage,
    TimeProvider time,
    ILogger<AccessReviewService> logger) : IAccessReviewService
{
    public async ValueTask SaveUsageAsync(CancellationToken cancellationToken = default)
    {
        var used = usage.Snapshot();
        if (used.Count > 0)
        {
            await store.RecordUsageAsync(used, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask<AccessReviewReport> CreateReportAsync(CancellationToken cancellationToken = default)
    {
        await SaveUsageAsync(cancellationToken).ConfigureAwait(false);
        var policy = policies.Current;
        var now = time.GetUtcNow();
        var assignments = await store.GetAllAssignmentsAsync(cancellationToken).ConfigureAwait(false);
        var reviews = await store.GetReviewsAsync(cancellationToken).ConfigureAwait(false);
        var lastReview = reviews
            .GroupBy(r => r.AssignmentId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(r => r.ReviewedAt)!, StringComparer.Ordinal);
        var activeByHolder = assignments
            .Where(a => a.IsActiveAt(now))
            .GroupBy(a => a.ActorId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var entries = assignments
            .OrderBy(a => a.ActorId, StringComparer.Ordinal)
            .ThenBy(a => a.Role, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.GrantedAt)
            .Select(a => Entry(a, policy, now, activeByHolder, lastReview))
            .ToList();
        return new AccessReviewReport { GeneratedAt = now, PolicyVersion = policy.Version, UnusedAfter = policy.UnusedAfter, Entries = entries };
    }

    public async ValueTask<AccessReviewRecord> RecertifyAsync(string assignmentId, string reviewerId, AccessReviewDecision decision, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assignmentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reviewerId);
        if (!Enum.IsDefined(decision))
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "Use AccessReviewDecision.Keep or AccessReviewDecision.Revoke.");
        }

        var assignment = await store.FindAssignmentAsync(assignmentId, cancellationToken).ConfigureAwait(false)
            ?? throw Error.AssignmentNotFound(assignmentId);
        if (string.Equals(assignment.ActorId, reviewerId, StringComparison.Ordinal))
        {
            throw Error.SelfReview(assignmentId);
        }

        var now = time.GetUtcNow();
        var record = new AccessReviewRecord
        {
            Id = Guid.CreateVersion7(now).ToString("N"),
            AssignmentId = assignment.Id,
            ReviewerId = reviewerId,
            Decision = decision,
            ReviewedAt = now,
        };
        await store.AddReviewAsync(record, cancellationToken).ConfigureAwait(false);
        if (decision == AccessReviewDecision.Revoke)
        {
            await roles.RevokeAsync(assignment.Id, reviewerId, cancellationToken).ConfigureAwait(false);
        }

        AccessLog.AccessReviewed(logger, assignment.Id, reviewerId, decision);
        await audit.RecordAsync(
            RoleManager.Event(AuditEventKind.AccessReviewed, "roles:review", reviewerId, assignment, now, decision.ToString()),
            cancellationToken).ConfigureAwait(false);
        return record;
    }

    private static AccessReviewEntry Entry(
        RoleAssignment assignment,
        AccessPolicy policy,
        DateTimeOffset now,
        Dictionary<string, List<RoleAssignment>> activeByHolder,
        Dictionary<string, AccessReviewRecord> lastReview)
    {
        var active = assignment.IsActiveAt(now);
        var since = assignment.LastUsedAt ?? assignment.StartsAt ?? assignment.GrantedAt;
        var others = active && activeByHolder.TryGetValue(assignment.ActorId, out var held)
            ? held.Where(h => !string.Equals(h.Id, assignment.Id, StringComparison.Ordinal))
                .Select(h => h.Role)
                .Where(r => policy.FindConflict([r], assignment.Role) is not null)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray()
            : [];
        return new AccessReviewEntry
        {
            Assignment = assignment,
            IsRevoked = assignment.RevokedAt is not null,
            IsExpired = assignment.ExpiresAt is { } expires && expires <= now,
            IsPending = assignment.StartsAt is { } starts && starts > now,
            IsUnused = active && now - since >= policy.UnusedAfter,
            IsUnknownRole = !policy.Roles.ContainsKey(assignment.Role),
            ConflictsWith = others,
            LastReview = lastReview.GetValueOrDefault(assignment.Id),
        };
    }
}
