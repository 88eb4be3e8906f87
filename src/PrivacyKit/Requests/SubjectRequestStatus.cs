namespace PrivacyKit.Requests;

/// <summary>Where a data subject request stands in its workflow.</summary>
/// <remarks>
/// The workflow is received → identity verification → in progress → completed or rejected, with
/// extended as a detour from in progress. <see cref="Completed"/> and <see cref="Rejected"/> are final.
/// </remarks>
public enum SubjectRequestStatus
{
    /// <summary>The request was received and its deadlines started running.</summary>
    Received = 1,

    /// <summary>The requester's identity is being verified.</summary>
    IdentityVerification = 2,

    /// <summary>The identity is verified and the request is being carried out.</summary>
    InProgress = 3,

    /// <summary>The request is being carried out under an extended deadline.</summary>
    Extended = 4,

    /// <summary>The request was carried out. Final.</summary>
    Completed = 5,

    /// <summary>The request was refused with a documented reason. Final.</summary>
    Rejected = 6,
}
