using Microsoft.Extensions.Compliance.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit.Classification;

/// <summary>One personal field in the <see cref="DataMap"/>: what it is, why it is held, how it is protected, how long it is kept.</summary>
public sealed record DataMapField
{
    /// <summary>Gets the property name on the entity.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the storage column name, when a storage adapter (EF Core) has supplied it.</summary>
    public string? Column { get; init; }

    /// <summary>Gets the name of the property's data type, e.g. <c>string</c> or <c>DateOnly?</c>.</summary>
    public required string DataType { get; init; }

    /// <summary>Gets the classification.</summary>
    public required DataClassification Classification { get; init; }

    /// <summary>Gets a value indicating whether the field is sensitive personal data (GDPR Art. 9, PIPL).</summary>
    public bool IsSensitive => Classification == PrivacyClassifications.Sensitive;

    /// <summary>Gets a value indicating whether this field identifies the data subject.</summary>
    public bool IsSubjectId { get; init; }

    /// <summary>Gets how the field is protected at rest.</summary>
    public FieldProtection Protection { get; init; }

    /// <summary>Gets the blind index name, when <see cref="Protection"/> includes <see cref="FieldProtection.BlindIndex"/>.</summary>
    public string? BlindIndexName { get; init; }

    /// <summary>Gets the blind index normaliser name, if one was named.</summary>
    public string? BlindIndexNormaliser { get; init; }

    /// <summary>
    /// Gets a value indicating whether the field can take only a few distinct values (booleans,
    /// enums, single bytes or characters), which makes a blind index on it reveal the value.
    /// </summary>
    public bool IsLowCardinality { get; init; }

    /// <summary>Gets the purposes the field is held for: its own and its entity's, without duplicates, in order.</summary>
    public IReadOnlyList<string> Purposes { get; init; } = [];

    /// <summary>Gets the field's retention rule, or <see langword="null"/> when only the entity's rule applies.</summary>
    public RetentionPolicy? Retention { get; init; }

    /// <summary>Gets the notes written on the classification attribute, if any.</summary>
    public string? Notes { get; init; }
}
