namespace PrivacyKit.Consent;

/// <summary>How a consent event reached the application.</summary>
public enum ConsentSource
{
    /// <summary>A form or dialog the data subject filled in.</summary>
    Form = 0,

    /// <summary>An API call (another system, a mobile app).</summary>
    Api = 1,

    /// <summary>An import of consents collected elsewhere.</summary>
    Import = 2,

    /// <summary>A Global Privacy Control signal (<c>Sec-GPC: 1</c>) sent by the subject's browser.</summary>
    GlobalPrivacyControl = 3,
}
