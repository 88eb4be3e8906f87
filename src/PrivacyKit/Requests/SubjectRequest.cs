namespace PrivacyKit.Requests;

/// <summary>
/// A data subject request with its status and deadlines. Instances are immutable snapshots; the
/// workflow (<see cref="ISubjectRequestService"/>) makes new ones and stores them.
/// </summary>
public sealed record SubjectRequest
{
    /// <summary>Gets the request's identifier.</summary>
    public required string Id { get; init; }

    /// <summary>Gets what the subject asks for.</summary>
    public required SubjectRequestKind Kind { get; init; }

    /// <summary>Gets the law the request is answered under.</summary>
    public required PrivacyRegime Regime { get; init; }

    /// <summary>Gets the stable identifier of the data subject.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Gets the subject's tenant, if any.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets how the request arrived.</summary>
    public required RequestChannel Channel { get; init; }

    /// <summary>Gets the non-personal scope (purpose ids or data categories); empty means everything.</summary>
    public IReadOnlyList<string> Scope { get; init; } = [];

    /// <summary>Gets the corrections of a rectification request (personal data; see <see cref="FieldCorrection"/>).</summary>
    public IReadOnlyList<FieldCorrection> Corrections { get; init; } = [];

    /// <summary>Gets when the request was received; every deadline runs from here.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Gets the id of the actor who recorded the request.</summary>
    public required string ReceivedBy { get; init; }

    /// <summary>Gets the current status.</summary>
    public required SubjectRequestStatus Status { get; init; }

    /// <summary>Gets the statutory deadline for answering, without extension.</summary>
    public required DateTimeOffset DueAt { get; init; }

    /// <summary>Gets the extended deadline once the request was extended; otherwise <see langword="null"/>.</summary>
    public DateTimeOffset? ExtendedDueAt { get; init; }

    /// <summary>Gets the non-personal reason given for the extension, if extended.</summary>
    public string? ExtensionReason { get; init; }

    /// <summary>Gets by when receipt must be confirmed (CCPA: 10 business days), or <see langword="null"/> when the regime does not require it.</summary>
    public DateTimeOffset? ReceiptConfirmationDueAt { get; init; }

    /// <summary>Gets when receipt was confirmed, if it was.</summary>
    public DateTimeOffset? ReceiptConfirmedAt { get; init; }

    /// <summary>Gets by when an opt-out of sale or sharing, or a request to limit the use of sensitive data, must be honoured (CCPA: 15 business days), or <see langword="null"/>.</summary>
    public DateTimeOffset? OptOutDueAt { get; init; }

    /// <summary>
    /// Gets the earliest deadline still pending (receipt confirmation, opt-out, answer); the request
    /// is overdue after it. <see langword="null"/> once the request is closed.
    /// </summary>
    public DateTimeOffset? NextDueAt { get; init; }

    /// <summary>Gets when the identity was verified, if it was.</summary>
    public DateTimeOffset? VerifiedAt { get; init; }

    /// <summary>Gets how the identity was verified (e.g. <c>authenticated-subject</c>, <c>operator</c>), if it was.</summary>
    public string? VerificationMethod { get; init; }

    /// <summary>Gets when the request was completed or rejected, if it was.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Gets why the request was rejected, if it was.</summary>
    public RequestRejection? Rejection { get; init; }

    /// <summary>Gets the version the store uses for optimistic concurrency; incremented on every change.</summary>
    public long Version { get; init; }

    /// <summary>Gets the deadline in force: the extended one when extended, else <see cref="DueAt"/>.</summary>
    public DateTimeOffset EffectiveDueAt => ExtendedDueAt ?? DueAt;

    /// <summary>Gets a value indicating whether the request is still open (neither completed nor rejected).</summary>
    public bool IsOpen => Status is not (SubjectRequestStatus.Completed or SubjectRequestStatus.Rejected);

    /// <summary>Returns whether a pending deadline has passed at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when the request is open and <see cref="NextDueAt"/> lies before <paramref name="now"/>.</returns>
    public bool IsOverdueAt(DateTimeOffset now) => IsOpen && NextDueAt is { } due && due < now;
}
