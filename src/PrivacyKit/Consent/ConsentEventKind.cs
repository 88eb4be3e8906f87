namespace PrivacyKit.Consent;

/// <summary>What a <see cref="ConsentRecord"/> records.</summary>
public enum ConsentEventKind
{
    /// <summary>The subject gave consent to a purpose under a policy version.</summary>
    Granted = 0,

    /// <summary>The subject withdrew consent to a purpose.</summary>
    Withdrawn = 1,

    /// <summary>The subject was asked and refused consent to a purpose.</summary>
    Denied = 2,

    /// <summary>A consent to a purpose lapsed (recorded by an import or a job; lapses are also derived from <see cref="ConsentRecord.ExpiresAt"/>).</summary>
    Expired = 3,

    /// <summary>The subject opted out of the sale or sharing of their data (CCPA/CPRA); applies to every sale-or-sharing purpose.</summary>
    OptedOutOfSaleOrSharing = 4,

    /// <summary>The subject withdrew an earlier opt-out of sale or sharing.</summary>
    OptedInToSaleOrSharing = 5,
}
