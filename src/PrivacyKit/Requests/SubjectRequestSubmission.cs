namespace PrivacyKit.Requests;

/// <summary>What is needed to record a new data subject request.</summary>
public sealed record SubjectRequestSubmission
{
    /// <summary>Gets what the subject asks for.</summary>
    public required SubjectRequestKind Kind { get; init; }

    /// <summary>Gets the law the request is answered under.</summary>
    public required PrivacyRegime Regime { get; init; }

    /// <summary>Gets the stable identifier of the data subject (never a name or e-mail address).</summary>
    public required string SubjectId { get; init; }

    /// <summary>Gets how the request arrived.</summary>
    public RequestChannel Channel { get; init; } = RequestChannel.SelfService;

    /// <summary>Gets the tenant the subject belongs to, if the application is multi-tenant.</summary>
    public string? TenantId { get; init; }

    /// <summary>
    /// Gets the non-personal scope: purpose ids for an objection or opt-out, data categories for a
    /// restriction. Empty means everything the kind of request can cover.
    /// </summary>
    public IReadOnlyList<string> Scope { get; init; } = [];

    /// <summary>Gets the corrections asked for; required for, and only allowed with, <see cref="SubjectRequestKind.Rectification"/>.</summary>
    public IReadOnlyList<FieldCorrection> Corrections { get; init; } = [];

    /// <summary>
    /// Gets when the request was received, when it arrived earlier than it is recorded (a letter
    /// opened today); <see langword="null"/> means now. It must not lie in the future.
    /// </summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
