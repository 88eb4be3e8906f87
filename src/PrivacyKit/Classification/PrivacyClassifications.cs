using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyKit.Classification;

/// <summary>
/// PrivacyKit's taxonomy of personal data, as <see cref="DataClassification"/> values, so that the
/// same classes drive encryption, field access, retention and log redaction.
/// </summary>
public static class PrivacyClassifications
{
    /// <summary>The taxonomy name of every classification defined here.</summary>
    public const string TaxonomyName = "PrivacyKit";

    /// <summary>Gets the class of contact details: e-mail addresses, phone numbers, postal addresses.</summary>
    public static DataClassification Contact { get; } = new(TaxonomyName, nameof(Contact));

    /// <summary>Gets the class of identifiers: names, customer numbers, national or account identifiers.</summary>
    public static DataClassification Identifier { get; } = new(TaxonomyName, nameof(Identifier));

    /// <summary>Gets the class of financial data: bank accounts, card numbers, income, credit.</summary>
    public static DataClassification Financial { get; } = new(TaxonomyName, nameof(Financial));

    /// <summary>Gets the class of location data: addresses of residence, geolocation, travel.</summary>
    public static DataClassification Location { get; } = new(TaxonomyName, nameof(Location));

    /// <summary>Gets the class of behavioural data: activity, preferences, purchase history, profiling.</summary>
    public static DataClassification Behavioural { get; } = new(TaxonomyName, nameof(Behavioural));

    /// <summary>Gets the class of free text that may hold personal data: notes, comments, messages.</summary>
    public static DataClassification FreeText { get; } = new(TaxonomyName, nameof(FreeText));

    /// <summary>
    /// Gets the class of sensitive personal data: GDPR Art. 9 special categories (health, religion,
    /// ethnicity, political opinions, biometrics, sex life, trade-union membership) and PIPL sensitive
    /// personal information.
    /// </summary>
    public static DataClassification Sensitive { get; } = new(TaxonomyName, nameof(Sensitive));

    /// <summary>Gets every classification of the PrivacyKit taxonomy, in declaration order.</summary>
    public static IReadOnlyList<DataClassification> All { get; } =
        [Contact, Identifier, Financial, Location, Behavioural, FreeText, Sensitive];

    /// <summary>Returns the classification of a <see cref="PersonalDataCategory"/>.</summary>
    /// <param name="category">The category.</param>
    /// <returns>The matching classification.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="category"/> is not a defined category.</exception>
    public static DataClassification FromCategory(PersonalDataCategory category) => category switch
    {
        PersonalDataCategory.Contact => Contact,
        PersonalDataCategory.Identifier => Identifier,
        PersonalDataCategory.Financial => Financial,
        PersonalDataCategory.Location => Location,
        PersonalDataCategory.Behavioural => Behavioural,
        PersonalDataCategory.FreeText => FreeText,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "Not a defined PersonalDataCategory."),
    };
}
