namespace PrivacyKit.Requests;

/// <summary>Where a source holds a subject's personal data: an entity type, its category and fields, and how many records. No values.</summary>
public sealed record PersonalDataLocation
{
    /// <summary>Gets the entity type (as named in legal holds and retention rules), e.g. <c>Customer</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>Gets the data category, e.g. <c>contact</c>, <c>financial</c>, <c>consent</c>.</summary>
    public required string Category { get; init; }

    /// <summary>Gets the names of the personal fields held.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Gets how many records of this entity type hold the subject's data.</summary>
    public int RecordCount { get; init; }
}
