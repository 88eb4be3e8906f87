namespace PrivacyKit.Classification;

/// <summary>
/// The category of ordinary (non-sensitive) personal data, as written in
/// <see cref="PersonalDataAttribute"/>. Each maps to one of the <see cref="PrivacyClassifications"/>.
/// </summary>
public enum PersonalDataCategory
{
    /// <summary>Contact details; maps to <see cref="PrivacyClassifications.Contact"/>.</summary>
    Contact = 0,

    /// <summary>Identifiers such as names and customer numbers; maps to <see cref="PrivacyClassifications.Identifier"/>.</summary>
    Identifier = 1,

    /// <summary>Financial data; maps to <see cref="PrivacyClassifications.Financial"/>.</summary>
    Financial = 2,

    /// <summary>Location data; maps to <see cref="PrivacyClassifications.Location"/>.</summary>
    Location = 3,

    /// <summary>Behavioural data; maps to <see cref="PrivacyClassifications.Behavioural"/>.</summary>
    Behavioural = 4,

    /// <summary>Free text that may hold personal data; maps to <see cref="PrivacyClassifications.FreeText"/>.</summary>
    FreeText = 5,
}
