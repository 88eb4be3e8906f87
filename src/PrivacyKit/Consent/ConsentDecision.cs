namespace PrivacyKit.Consent;

/// <summary>The answer to "may this subject's data be used for this purpose now?", with the reason.</summary>
public sealed record ConsentDecision
{
    /// <summary>Gets the purpose asked about.</summary>
    public required string PurposeId { get; init; }

    /// <summary>Gets why processing is allowed or refused.</summary>
    public required ConsentDecisionReason Reason { get; init; }

    /// <summary>Gets a value indicating whether processing is allowed (<see cref="ConsentDecisionReason.Granted"/> or <see cref="ConsentDecisionReason.NotRequired"/>).</summary>
    public bool IsAllowed => Reason is ConsentDecisionReason.Granted or ConsentDecisionReason.NotRequired;

    /// <summary>Gets the kind of the subject's last record for the purpose, or <see langword="null"/> when there is none or it did not matter.</summary>
    public ConsentEventKind? LastEvent { get; init; }

    /// <summary>Gets when the subject's last record for the purpose happened.</summary>
    public DateTimeOffset? LastEventAt { get; init; }

    /// <summary>Gets the policy version the subject last consented under, if any.</summary>
    public string? ConsentedPolicyVersion { get; init; }

    /// <summary>Gets the purpose's current policy version.</summary>
    public string? CurrentPolicyVersion { get; init; }

    /// <summary>Gets when the current grant lapses, if it does.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
