namespace PrivacyKit.Audit;

/// <summary>What <see cref="IAuditTrail.RecordAsync"/> does when the pipeline's bounded buffer is full.</summary>
public enum AuditFullQueuePolicy
{
    /// <summary>The caller waits until there is space (back-pressure on the audited operation).</summary>
    Wait = 0,

    /// <summary>The call throws an <see cref="AuditException"/> at once, failing the audited operation.</summary>
    Fail = 1,
}
