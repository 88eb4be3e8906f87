namespace PrivacyKit.Requests;

/// <summary>One exported record of a subject's personal data, with its field values.</summary>
/// <remarks>
/// <see cref="Fields"/> holds personal values, formatted by the source with the invariant culture
/// (ISO 8601 for dates). They appear only in the export package given to the subject, never in
/// <see cref="ToString"/>, logs or audit records. A record whose <see cref="Category"/> is
/// <see cref="ConsentCategory"/> goes into the package's consent history.
/// </remarks>
public sealed record PersonalDataRecord
{
    /// <summary>The category of records that make up the consent history of an export package.</summary>
    public const string ConsentCategory = "consent";

    /// <summary>Gets the entity type, e.g. <c>Customer</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>Gets the data category, e.g. <c>contact</c>; <see cref="ConsentCategory"/> for consent history.</summary>
    public required string Category { get; init; }

    /// <summary>Gets the record's identifier within its entity type, if it has one worth showing.</summary>
    public string? RecordId { get; init; }

    /// <summary>Gets the field values by field name (personal data).</summary>
    public required IReadOnlyDictionary<string, string?> Fields { get; init; }

    /// <summary>Returns the entity type, category and record id, never the values.</summary>
    /// <returns>A text such as <c>Customer/contact/42</c>.</returns>
    public override string ToString() => $"{EntityType}/{Category}/{RecordId}";
}
