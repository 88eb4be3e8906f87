namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// A data subject request. <see cref="Corrections"/> holds personal values and is stored encrypted (text ciphertext);
/// <see cref="Version"/> is the concurrency token of the optimistic compare-and-swap; the lease columns are changed
/// only by the lease operations.
/// </summary>
internal sealed class SubjectRequestRow
{
    public string Id { get; set; } = "";

    public int Kind { get; set; }

    public int Regime { get; set; }

    public string SubjectId { get; set; } = "";

    public string? TenantId { get; set; }

    public int Channel { get; set; }

    /// <summary>The non-personal scope as a JSON array.</summary>
    public string Scope { get; set; } = "[]";

    /// <summary>The corrections as encrypted JSON, or <see langword="null"/> when there are none.</summary>
    public string? Corrections { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public string ReceivedBy { get; set; } = "";

    public int Status { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset? ExtendedDueAt { get; set; }

    public string? ExtensionReason { get; set; }

    public DateTimeOffset? ReceiptConfirmationDueAt { get; set; }

    public DateTimeOffset? ReceiptConfirmedAt { get; set; }

    public DateTimeOffset? OptOutDueAt { get; set; }

    public DateTimeOffset? NextDueAt { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }

    public string? VerificationMethod { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public int? RejectionGround { get; set; }

    public string? RejectionNote { get; set; }

    public long Version { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }
}
