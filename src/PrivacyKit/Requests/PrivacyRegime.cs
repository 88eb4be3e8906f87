namespace PrivacyKit.Requests;

/// <summary>The law a data subject request is answered under; it sets the deadlines.</summary>
public enum PrivacyRegime
{
    /// <summary>EU/UK GDPR: one month from receipt, extendable by two further months (Art. 12(3)).</summary>
    Gdpr = 1,

    /// <summary>California CCPA/CPRA: 45 days from receipt, extendable once by 45 days; receipt confirmed within 10 business days; opt-outs of sale/sharing and limits on sensitive data honoured within 15 business days.</summary>
    Ccpa = 2,

    /// <summary>China PIPL: a configurable period (15 days by default), see <see cref="SubjectRequestOptions.PiplResponseDays"/>.</summary>
    Pipl = 3,
}
