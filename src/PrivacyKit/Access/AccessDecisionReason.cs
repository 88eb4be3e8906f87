namespace PrivacyKit.Access;

/// <summary>Why an <see cref="AccessDecision"/> came out as it did.</summary>
public enum AccessDecisionReason
{
    /// <summary>An active role of the actor grants the permission.</summary>
    Granted = 0,

    /// <summary>No active role of the actor grants the permission (deny by default).</summary>
    NotGranted = 1,

    /// <summary>A role grants the permission, but the entity instance lies outside the actor's row scope.</summary>
    OutOfScope = 2,
}
