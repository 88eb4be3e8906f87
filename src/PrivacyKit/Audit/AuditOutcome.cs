namespace PrivacyKit.Audit;

/// <summary>How the audited operation ended.</summary>
public enum AuditOutcome
{
    /// <summary>The operation succeeded.</summary>
    Success = 0,

    /// <summary>The operation was refused by a policy (access, consent, legal hold).</summary>
    Denied = 1,

    /// <summary>The operation failed.</summary>
    Failure = 2,
}
