namespace PrivacyKit.Requests;

/// <summary>What a data subject asks for.</summary>
public enum SubjectRequestKind
{
    /// <summary>A copy of the personal data held (GDPR Art. 15, CCPA right to know, PIPL Art. 45).</summary>
    Access = 1,

    /// <summary>The personal data in a machine-readable form to take elsewhere (GDPR Art. 20, PIPL Art. 45).</summary>
    Portability = 2,

    /// <summary>Correction of inaccurate personal data (GDPR Art. 16, CPRA right to correct, PIPL Art. 46).</summary>
    Rectification = 3,

    /// <summary>Erasure of personal data (GDPR Art. 17, CCPA right to delete, PIPL Art. 47).</summary>
    Erasure = 4,

    /// <summary>Restriction of processing (GDPR Art. 18, CPRA limit use of sensitive data, PIPL Art. 44).</summary>
    Restriction = 5,

    /// <summary>Objection to processing for some purposes (GDPR Art. 21).</summary>
    Objection = 6,

    /// <summary>Opt-out of the sale or sharing of personal data (CCPA/CPRA).</summary>
    OptOutOfSale = 7,
}
