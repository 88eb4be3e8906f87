using System.Text.Json;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Stores;

/// <summary>Maps requests, transitions and execution records to rows and back (payload encryption aside).</summary>
internal static class SubjectRequestMapping
{
    public static void CopyTo(SubjectRequest request, SubjectRequestRow row, string? corrections)
    {
        row.Id = request.Id;
        row.Kind = (int)request.Kind;
        row.Regime = (int)request.Regime;
        row.SubjectId = request.SubjectId;
        row.TenantId = request.TenantId;
        row.Channel = (int)request.Channel;
        row.Scope = JsonSerializer.Serialize(request.Scope, StoreJsonContext.Default.IReadOnlyListString);
        row.Corrections = corrections;
        row.ReceivedAt = request.ReceivedAt;
        row.ReceivedBy = request.ReceivedBy;
        row.Status = (int)request.Status;
        row.DueAt = request.DueAt;
        row.ExtendedDueAt = request.ExtendedDueAt;
        row.ExtensionReason = request.ExtensionReason;
        row.ReceiptConfirmationDueAt = request.ReceiptConfirmationDueAt;
        row.ReceiptConfirmedAt = request.ReceiptConfirmedAt;
        row.OptOutDueAt = request.OptOutDueAt;
        row.NextDueAt = request.NextDueAt;
        row.VerifiedAt = request.VerifiedAt;
        row.VerificationMethod = request.VerificationMethod;
        row.ClosedAt = request.ClosedAt;
        row.RejectionGround = request.Rejection is { } rejection ? (int)rejection.Ground : null;
        row.RejectionNote = request.Rejection?.Note;
        row.Version = request.Version;
    }

    public static SubjectRequest ToRequest(SubjectRequestRow row, IReadOnlyList<FieldCorrection> corrections) => new()
    {
        Id = row.Id,
        Kind = (SubjectRequestKind)row.Kind,
        Regime = (PrivacyRegime)row.Regime,
        SubjectId = row.SubjectId,
        TenantId = row.TenantId,
        Channel = (RequestChannel)row.Channel,
        Scope = JsonSerializer.Deserialize(row.Scope, StoreJsonContext.Default.IReadOnlyListString) ?? [],
        Corrections = corrections,
        ReceivedAt = row.ReceivedAt,
        ReceivedBy = row.ReceivedBy,
        Status = (SubjectRequestStatus)row.Status,
        DueAt = row.DueAt,
        ExtendedDueAt = row.ExtendedDueAt,
        ExtensionReason = row.ExtensionReason,
        ReceiptConfirmationDueAt = row.ReceiptConfirmationDueAt,
        ReceiptConfirmedAt = row.ReceiptConfirmedAt,
        OptOutDueAt = row.OptOutDueAt,
        NextDueAt = row.NextDueAt,
        VerifiedAt = row.VerifiedAt,
        VerificationMethod = row.VerificationMethod,
        ClosedAt = row.ClosedAt,
        Rejection = row.RejectionGround is { } ground ? new RequestRejection((RejectionGround)ground, row.RejectionNote) : null,
        Version = row.Version,
    };

    public static SubjectRequestTransitionRow ToRow(SubjectRequestTransition transition) => new()
    {
        RequestId = transition.RequestId,
        Sequence = transition.Sequence,
        Command = (int)transition.Command,
        From = (int)transition.From,
        To = (int)transition.To,
        At = transition.At,
        ActorId = transition.ActorId,
        Reason = transition.Reason,
    };

    public static SubjectRequestTransition ToTransition(SubjectRequestTransitionRow row) => new()
    {
        RequestId = row.RequestId,
        Sequence = row.Sequence,
        Command = (SubjectRequestCommand)row.Command,
        From = (SubjectRequestStatus)row.From,
        To = (SubjectRequestStatus)row.To,
        At = row.At,
        ActorId = row.ActorId,
        Reason = row.Reason,
    };

    public static void CopyTo(SourceExecutionRecord record, SourceExecutionRow row, string? export)
    {
        row.RequestId = record.RequestId;
        row.SourceName = record.SourceName;
        row.Status = (int)record.Status;
        row.Attempts = record.Attempts;
        row.StartedAt = record.StartedAt;
        row.CompletedAt = record.CompletedAt;
        row.ErrorType = record.ErrorType;
        row.Locations = JsonSerializer.Serialize(record.Locations, StoreJsonContext.Default.IReadOnlyListPersonalDataLocation);
        row.Export = export;
        row.Changes = JsonSerializer.Serialize(record.Changes, StoreJsonContext.Default.IReadOnlyListPersonalDataChange);
    }

    public static SourceExecutionRecord ToRecord(SourceExecutionRow row, PersonalDataExport? export) => new()
    {
        RequestId = row.RequestId,
        SourceName = row.SourceName,
        Status = (SourceExecutionStatus)row.Status,
        Attempts = row.Attempts,
        StartedAt = row.StartedAt,
        CompletedAt = row.CompletedAt,
        ErrorType = row.ErrorType,
        Locations = JsonSerializer.Deserialize(row.Locations, StoreJsonContext.Default.IReadOnlyListPersonalDataLocation) ?? [],
        Export = export,
        Changes = JsonSerializer.Deserialize(row.Changes, StoreJsonContext.Default.IReadOnlyListPersonalDataChange) ?? [],
    };
}
