namespace PrivacyKit.Consent;

/// <summary>What an erasure request does with a subject's consent history once every active consent is withdrawn.</summary>
public enum ConsentErasureEvidence
{
    /// <summary>
    /// Keep the history as proof of lawful processing: the controller must be able to show that the subject
    /// consented (GDPR Art. 7(1)) and, after the erasure, that the consent was withdrawn. The erasure
    /// certificate lists the history as retained, with this reason.
    /// </summary>
    Retain = 0,

    /// <summary>
    /// Remove the history after the withdrawals are recorded. Needs an <see cref="IConsentStore"/> that also
    /// implements <see cref="IConsentHistoryEraser"/>; the erasure certificate lists the history as deleted.
    /// </summary>
    Remove = 1,
}
