namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// A data subject request. <see cref="Corrections"/> holds personal values and is stored encrypted (text ciphertext);
/// <see cref="Version"/> is the concurrency token of the optimistic compare-and-swap; the lease columns are changed
/// only by the lease operations.
/// </summary>
/// <remarks>
/// A row of one of PrivacyKit's tables (see <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores"/>). It is public only
/// so that migrations and compiled models (<c>dotnet ef dbcontext optimize</c>) generated in the application's assembly
/// can reference it; read and write through PrivacyKit's store interfaces, never through this type.
/// </remarks>
public sealed class SubjectRequestRow
{
    /// <summary>Gets or sets the id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Gets or sets the kind (the core enum's value).</summary>
    public int Kind { get; set; }

    /// <summary>Gets or sets the privacy regime (the core enum's value).</summary>
    public int Regime { get; set; }

    /// <summary>Gets or sets the data subject's id.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>Gets or sets the tenant, if any.</summary>
    public string? TenantId { get; set; }

    /// <summary>Gets or sets the channel (the core enum's value).</summary>
    public int Channel { get; set; }

    /// <summary>Gets or sets the non-personal scope as a JSON array.</summary>
    public string Scope { get; set; } = "[]";

    /// <summary>Gets or sets the corrections as PrivacyKit ciphertext of their JSON, or <see langword="null"/> when there are none.</summary>
    public string? Corrections { get; set; }

    /// <summary>Gets or sets when the request was received.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>Gets or sets who recorded the request.</summary>
    public string ReceivedBy { get; set; } = "";

    /// <summary>Gets or sets the status (the core enum's value).</summary>
    public int Status { get; set; }

    /// <summary>Gets or sets the statutory deadline.</summary>
    public DateTimeOffset DueAt { get; set; }

    /// <summary>Gets or sets the extended deadline.</summary>
    public DateTimeOffset? ExtendedDueAt { get; set; }

    /// <summary>Gets or sets the non-personal extension reason.</summary>
    public string? ExtensionReason { get; set; }

    /// <summary>Gets or sets by when receipt must be confirmed.</summary>
    public DateTimeOffset? ReceiptConfirmationDueAt { get; set; }

    /// <summary>Gets or sets when receipt was confirmed.</summary>
    public DateTimeOffset? ReceiptConfirmedAt { get; set; }

    /// <summary>Gets or sets by when an opt-out must be honoured.</summary>
    public DateTimeOffset? OptOutDueAt { get; set; }

    /// <summary>Gets or sets the earliest pending deadline.</summary>
    public DateTimeOffset? NextDueAt { get; set; }

    /// <summary>Gets or sets when the identity was verified.</summary>
    public DateTimeOffset? VerifiedAt { get; set; }

    /// <summary>Gets or sets how the identity was verified.</summary>
    public string? VerificationMethod { get; set; }

    /// <summary>Gets or sets when the request was closed.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Gets or sets the rejection ground (the core enum's value), if rejected.</summary>
    public int? RejectionGround { get; set; }

    /// <summary>Gets or sets the non-personal rejection note.</summary>
    public string? RejectionNote { get; set; }

    /// <summary>Gets or sets the version; the concurrency token of the optimistic compare-and-swap.</summary>
    public long Version { get; set; }

    /// <summary>Gets or sets the owner of the execution lease.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>Gets or sets when the execution lease expires.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
}
