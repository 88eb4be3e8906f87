namespace PrivacyKit.Audit;

/// <summary>When <see cref="IAuditTrail.RecordAsync"/> completes for an event.</summary>
public enum AuditDelivery
{
    /// <summary>
    /// The call completes when the pipeline has accepted the event into its bounded buffer. The lowest
    /// latency; the buffer is flushed on shutdown and dispose.
    /// </summary>
    Buffered = 0,

    /// <summary>
    /// The call completes only when every must-succeed sink has made the event durable (for the
    /// JSON-lines file sink: written and flushed to disk with fsync). Use it for reads of sensitive data.
    /// </summary>
    Guaranteed = 1,
}
