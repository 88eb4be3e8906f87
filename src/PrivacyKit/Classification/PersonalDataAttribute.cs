using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyKit.Classification;

/// <summary>
/// Marks a property as personal data of the given category. The classification is a
/// <see cref="DataClassification"/> of the PrivacyKit taxonomy, so log redaction, field access and
/// the data map all see the same class.
/// </summary>
/// <example><code>[PersonalData(PersonalDataCategory.Contact)] public string Email { get; set; }</code></example>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class PersonalDataAttribute : DataClassificationAttribute
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="category">The category of personal data the property holds.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined category.</exception>
    public PersonalDataAttribute(PersonalDataCategory category)
        : base(PrivacyClassifications.FromCategory(category))
    {
        Category = category;
    }

    /// <summary>Gets the category of personal data the property holds.</summary>
    public PersonalDataCategory Category { get; }
}
