namespace PrivacyKit.Access;

/// <summary>A reviewer's decision on one role assignment.</summary>
public enum AccessReviewDecision
{
    /// <summary>The assignment is still needed and stays.</summary>
    Keep = 0,

    /// <summary>The assignment is no longer needed and is revoked at once.</summary>
    Revoke = 1,
}
