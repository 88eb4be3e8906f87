namespace PrivacyKit.Consent;

/// <summary>
/// A consent receipt for one data subject: every registered purpose with the current decision and
/// the grant it rests on, the sale-or-sharing opt-out, and the full history. Export it with
/// <see cref="ToJson"/> (format in docs/consent.md).
/// </summary>
public sealed record ConsentReceipt
{
    /// <summary>The version of the JSON format written by <see cref="ToJson"/>.</summary>
    public const int FormatVersion = 1;

    /// <summary>Gets the data subject.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Gets when the receipt was issued.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>Gets a value indicating whether the subject has opted out of the sale or sharing of their data.</summary>
    public required bool IsOptedOutOfSaleOrSharing { get; init; }

    /// <summary>Gets one item per registered purpose, in registration order.</summary>
    public required IReadOnlyList<ConsentReceiptItem> Purposes { get; init; }

    /// <summary>Gets the subject's whole consent history, in append order.</summary>
    public required IReadOnlyList<ConsentRecord> History { get; init; }

    /// <summary>Writes the receipt as indented JSON.</summary>
    /// <returns>The JSON text, with <c>\n</c> line endings.</returns>
    public string ToJson() => ConsentReceiptJsonWriter.Write(this);
}
