namespace PrivacyKit.Requests;

/// <summary>The commands that move a data subject request through its workflow.</summary>
public enum SubjectRequestCommand
{
    /// <summary>Records a new request; only valid once, when the request is created.</summary>
    Submit = 1,

    /// <summary>Records that receipt was confirmed to the requester (CCPA: within 10 business days). Allowed once, in any open status.</summary>
    ConfirmReceipt = 2,

    /// <summary>Starts identity verification: <see cref="SubjectRequestStatus.Received"/> → <see cref="SubjectRequestStatus.IdentityVerification"/>.</summary>
    BeginVerification = 3,

    /// <summary>Verifies the requester's identity: <see cref="SubjectRequestStatus.IdentityVerification"/> → <see cref="SubjectRequestStatus.InProgress"/>.</summary>
    VerifyIdentity = 4,

    /// <summary>Extends the deadline once, before it passes: <see cref="SubjectRequestStatus.InProgress"/> → <see cref="SubjectRequestStatus.Extended"/>.</summary>
    Extend = 5,

    /// <summary>Runs the request across the personal data sources; allowed in <see cref="SubjectRequestStatus.InProgress"/> and <see cref="SubjectRequestStatus.Extended"/>.</summary>
    Execute = 6,

    /// <summary>Closes the request as done: in progress or extended → <see cref="SubjectRequestStatus.Completed"/>.</summary>
    Complete = 7,

    /// <summary>Refuses the request with a reason: any open status → <see cref="SubjectRequestStatus.Rejected"/>.</summary>
    Reject = 8,
}
