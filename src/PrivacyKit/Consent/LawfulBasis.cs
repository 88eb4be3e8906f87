namespace PrivacyKit.Consent;

/// <summary>The lawful basis of processing for a purpose (GDPR Art. 6(1)).</summary>
public enum LawfulBasis
{
    /// <summary>The data subject's consent (Art. 6(1)(a)): processing needs a current grant.</summary>
    Consent = 0,

    /// <summary>Performance of a contract with the data subject (Art. 6(1)(b)).</summary>
    Contract = 1,

    /// <summary>A legal obligation of the controller (Art. 6(1)(c)).</summary>
    LegalObligation = 2,

    /// <summary>The vital interests of the data subject or another person (Art. 6(1)(d)).</summary>
    VitalInterests = 3,

    /// <summary>A task in the public interest or official authority (Art. 6(1)(e)).</summary>
    PublicTask = 4,

    /// <summary>The legitimate interests of the controller or a third party (Art. 6(1)(f)).</summary>
    LegitimateInterests = 5,
}
