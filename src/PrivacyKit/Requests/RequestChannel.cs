namespace PrivacyKit.Requests;

/// <summary>How a data subject request reached the organisation; it decides how identity is verified.</summary>
public enum RequestChannel
{
    /// <summary>Self-service by the authenticated data subject (a portal or app); verified by matching the signed-in subject.</summary>
    SelfService = 1,

    /// <summary>By e-mail; verified by an operator.</summary>
    Email = 2,

    /// <summary>By telephone (CCPA requires a toll-free number); verified by an operator.</summary>
    Phone = 3,

    /// <summary>By post; verified by an operator.</summary>
    Mail = 4,

    /// <summary>In person; verified by an operator.</summary>
    InPerson = 5,

    /// <summary>Through an authorised agent acting for the subject; verified by an operator.</summary>
    AuthorizedAgent = 6,
}
