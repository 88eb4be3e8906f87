namespace PrivacyKit.Consent;

/// <summary>
/// One entry of a subject's append-only consent history, with its proof: when, how, under which
/// policy version. Current consent state derives from the history; no record is ever changed.
/// </summary>
public sealed record ConsentRecord
{
    /// <summary>Gets the record's unique id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the data subject.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Gets the purpose, or <see langword="null"/> for a subject-wide sale-or-sharing opt-out or opt-in.</summary>
    public string? PurposeId { get; init; }

    /// <summary>Gets what the record records.</summary>
    public required ConsentEventKind Kind { get; init; }

    /// <summary>Gets when it happened.</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>Gets the policy version shown to the subject, for purpose records.</summary>
    public string? PolicyVersion { get; init; }

    /// <summary>Gets the hash of the policy text shown to the subject (<c>sha256:</c> and 64 hex digits), when known.</summary>
    public string? PolicyTextHash { get; init; }

    /// <summary>Gets how the event reached the application.</summary>
    public required ConsentSource Source { get; init; }

    /// <summary>
    /// Gets a reference to the proof kept elsewhere (a form submission id, a signed document id).
    /// It must be a reference, not personal data.
    /// </summary>
    public string? ProofReference { get; init; }

    /// <summary>Gets when a grant lapses, or <see langword="null"/> when it does not.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
