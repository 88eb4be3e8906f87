namespace PrivacyKit.Consent;

/// <summary>Why a <see cref="ConsentDecision"/> allows or refuses processing for a purpose.</summary>
public enum ConsentDecisionReason
{
    /// <summary>The subject's last word on the purpose is a current grant under the current policy version. Allowed.</summary>
    Granted = 0,

    /// <summary>The purpose needs consent and the subject has no consent record for it. Refused.</summary>
    NoRecord = 1,

    /// <summary>The subject's last word on the purpose is a withdrawal or a refusal (<see cref="ConsentDecision.LastEvent"/> tells which). Refused.</summary>
    Withdrawn = 2,

    /// <summary>The subject's consent has lapsed. Refused until the subject consents again.</summary>
    Expired = 3,

    /// <summary>The policy text changed since the subject consented; re-consent is needed. Refused.</summary>
    PolicyVersionChanged = 4,

    /// <summary>The purpose rests on a lawful basis other than consent. Allowed.</summary>
    NotRequired = 5,

    /// <summary>The purpose sells or shares data and the subject opted out of that. Refused.</summary>
    OptedOutOfSaleOrSharing = 6,
}
