namespace PrivacyKit.Audit;

/// <summary>What a sink's failure means for the events written to it.</summary>
public enum AuditSinkPolicy
{
    /// <summary>
    /// The sink is part of the audit record (like Serilog's <c>AuditTo</c>): a failing batch is retried,
    /// and if it still fails, guaranteed-delivery callers get an <see cref="AuditException"/> and the
    /// failure is logged and counted.
    /// </summary>
    MustSucceed = 0,

    /// <summary>
    /// The sink is a convenience copy (like Serilog's <c>WriteTo</c>): a failure is logged and counted once
    /// and never fails a caller.
    /// </summary>
    BestEffort = 1,
}
