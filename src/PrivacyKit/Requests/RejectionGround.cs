namespace PrivacyKit.Requests;

/// <summary>The documented legal ground for refusing a data subject request.</summary>
public enum RejectionGround
{
    /// <summary>The requester's identity could not be verified (GDPR Art. 12(6), CCPA § 7060).</summary>
    IdentityNotVerified = 1,

    /// <summary>The request is manifestly unfounded (GDPR Art. 12(5)).</summary>
    ManifestlyUnfounded = 2,

    /// <summary>The request is excessive, in particular repetitive (GDPR Art. 12(5)).</summary>
    Excessive = 3,

    /// <summary>Erasure refused: exercising the right of freedom of expression and information (GDPR Art. 17(3)(a)).</summary>
    FreedomOfExpression = 4,

    /// <summary>Erasure refused: compliance with a legal obligation or a task in the public interest (GDPR Art. 17(3)(b)).</summary>
    LegalObligation = 5,

    /// <summary>Erasure refused: reasons of public interest in public health (GDPR Art. 17(3)(c)).</summary>
    PublicHealth = 6,

    /// <summary>Erasure refused: archiving in the public interest, scientific or historical research or statistics (GDPR Art. 17(3)(d)).</summary>
    ArchivingOrResearch = 7,

    /// <summary>Erasure refused: establishment, exercise or defence of legal claims (GDPR Art. 17(3)(e)).</summary>
    LegalClaims = 8,

    /// <summary>An exception of the CCPA applies (Cal. Civ. Code § 1798.105(d), § 1798.145).</summary>
    CcpaExemption = 9,

    /// <summary>Another ground; <see cref="RequestRejection.Note"/> must then say which.</summary>
    Other = 99,
}
