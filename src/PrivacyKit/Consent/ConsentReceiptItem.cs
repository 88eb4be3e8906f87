namespace PrivacyKit.Consent;

/// <summary>One purpose on a <see cref="ConsentReceipt"/>: what it is, and what the subject agreed to, when, under which text.</summary>
public sealed record ConsentReceiptItem
{
    /// <summary>Gets the purpose.</summary>
    public required ConsentPurpose Purpose { get; init; }

    /// <summary>Gets the current decision for the purpose.</summary>
    public required ConsentDecision Decision { get; init; }

    /// <summary>Gets the subject's last grant for the purpose (when, how, which text, proof), or <see langword="null"/> if they never consented.</summary>
    public ConsentRecord? LastGrant { get; init; }
}
