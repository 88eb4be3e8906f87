namespace PrivacyKit.Classification;

/// <summary>What a <see cref="PostureFinding"/> is about.</summary>
public enum PostureFindingKind
{
    /// <summary>Sensitive personal data is stored in clear (not encrypted). Severity high.</summary>
    SensitiveDataInClear = 1,

    /// <summary>Personal data has no retention rule, on its field or its entity. Severity medium.</summary>
    PersonalDataWithoutRetention = 2,

    /// <summary>An entity holds personal data but no property is marked as the data subject id. Severity high.</summary>
    NoSubjectLink = 3,

    /// <summary>A blind index is declared on a field with few distinct values, so the index reveals the value. Severity medium.</summary>
    LowCardinalityBlindIndex = 4,
}
