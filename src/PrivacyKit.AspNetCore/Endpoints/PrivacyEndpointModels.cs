using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Consent;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore.Endpoints;

// The JSON shapes of the privacy endpoints (documented in docs/aspnetcore.md). None carries a personal value except
// the export package, which only its subject receives.

internal sealed record ConsentView(
    string PurposeId, string Description, string LawfulBasis, bool IsSaleOrSharing, bool Allowed, string Status,
    string? PolicyVersion, string? ConsentedPolicyVersion, DateTimeOffset? LastChangedAt, DateTimeOffset? ExpiresAt)
{
    public static ConsentView From(ConsentReceiptItem item) => new(
        item.Purpose.Id, item.Purpose.Description, Names.Camel(item.Purpose.LawfulBasis), item.Purpose.IsSaleOrSharing,
        item.Decision.IsAllowed, Names.Camel(item.Decision.Reason), item.Decision.CurrentPolicyVersion,
        item.Decision.ConsentedPolicyVersion, item.Decision.LastEventAt, item.Decision.ExpiresAt);
}

internal sealed record ConsentsView(bool OptedOutOfSaleOrSharing, IReadOnlyList<ConsentView> Purposes);

internal sealed record ConsentChangeBody(bool? Granted);

internal sealed record CorrectionBody(string? EntityType, string? Field, string? NewValue);

internal sealed record SelfServiceRequestBody(string? Kind, IReadOnlyList<string>? Scope, IReadOnlyList<CorrectionBody>? Corrections);

internal sealed record OperatorRequestBody(
    string? Kind, string? SubjectId, string? Regime, string? Channel, string? TenantId,
    IReadOnlyList<string>? Scope, IReadOnlyList<CorrectionBody>? Corrections);

internal sealed record ReasonBody(string? Reason);

internal sealed record NoteBody(string? Note);

internal sealed record RejectBody(string? Ground, string? Note);

internal sealed record RequestView(
    string Id, string Kind, string Regime, string Status, string Channel, DateTimeOffset ReceivedAt, DateTimeOffset DueAt,
    DateTimeOffset? ExtendedDueAt, DateTimeOffset? VerifiedAt, DateTimeOffset? ClosedAt, string? RejectionGround,
    IReadOnlyList<string> CorrectedFields)
{
    public static RequestView From(SubjectRequest r) => new(
        r.Id, Names.Camel(r.Kind), Names.Camel(r.Regime), Names.Camel(r.Status), Names.Camel(r.Channel), r.ReceivedAt, r.DueAt,
        r.ExtendedDueAt, r.VerifiedAt, r.ClosedAt, r.Rejection is null ? null : Names.Camel(r.Rejection.Ground),
        [.. r.Corrections.Select(c => c.ToString())]);
}

internal sealed record TransitionView(string Command, string From, string To, DateTimeOffset At, string ActorId, string? Reason);

internal sealed record OperatorRequestView(
    RequestView Request, string SubjectId, string? TenantId, string ReceivedBy, string? VerificationMethod,
    string? ExtensionReason, string? RejectionNote, DateTimeOffset? NextDueAt, IReadOnlyList<TransitionView> History)
{
    public static OperatorRequestView From(SubjectRequest r, IReadOnlyList<SubjectRequestTransition> history) => new(
        RequestView.From(r), r.SubjectId, r.TenantId, r.ReceivedBy, r.VerificationMethod, r.ExtensionReason, r.Rejection?.Note,
        r.NextDueAt,
        [.. history.Select(t => new TransitionView(Names.Camel(t.Command), Names.Camel(t.From), Names.Camel(t.To), t.At, t.ActorId, t.Reason))]);
}

internal sealed record VerificationView(RequestView Request, bool Verified, string? Method, string? Reason);

internal sealed record ExecutionView(RequestView Request, IReadOnlyList<ChangeView> Changes);

internal sealed record ChangeView(string Source, string EntityType, string Action, int RecordCount, IReadOnlyList<string> Fields, string? Reason)
{
    public static ChangeView From(PersonalDataChange c) => new(c.Source, c.EntityType, Names.Camel(c.Action), c.RecordCount, c.Fields, c.Reason);
}

internal sealed record AccessHistoryItem(
    DateTimeOffset At, string Kind, string? Action, IReadOnlyList<string> ActorRoles, string? ResourceType,
    IReadOnlyList<string> Fields, string? Purpose, string Outcome)
{
    public static AccessHistoryItem From(AuditEvent e) => new(
        e.Timestamp, Names.Camel(e.Kind), e.Action, e.ActorRoles, e.ResourceType, e.Fields, e.Purpose, Names.Camel(e.Outcome));
}

internal sealed record AssignmentView(
    string Id, string ActorId, string Role, string GrantedBy, DateTimeOffset GrantedAt, DateTimeOffset? StartsAt,
    DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedBy, DateTimeOffset? LastUsedAt)
{
    public static AssignmentView From(RoleAssignment a) => new(
        a.Id, a.ActorId, a.Role, a.GrantedBy, a.GrantedAt, a.StartsAt, a.ExpiresAt, a.RevokedAt, a.RevokedBy, a.LastUsedAt);
}

internal sealed record ReviewEntryView(
    AssignmentView Assignment, bool NeedsAttention, bool IsExpired, bool IsRevoked, bool IsPending, bool IsUnused,
    bool IsUnknownRole, IReadOnlyList<string> ConflictsWith, string? LastReviewDecision, DateTimeOffset? LastReviewedAt)
{
    public static ReviewEntryView From(AccessReviewEntry e) => new(
        AssignmentView.From(e.Assignment), e.NeedsAttention, e.IsExpired, e.IsRevoked, e.IsPending, e.IsUnused, e.IsUnknownRole,
        e.ConflictsWith, e.LastReview is null ? null : Names.Camel(e.LastReview.Decision), e.LastReview?.ReviewedAt);
}

internal sealed record ReviewReportView(DateTimeOffset GeneratedAt, long PolicyVersion, IReadOnlyList<ReviewEntryView> Entries);

internal sealed record RecertifyBody(string? Decision);

internal sealed record GrantBody(string? ActorId, string? Role, DateTimeOffset? StartsAt, DateTimeOffset? ExpiresAt);
