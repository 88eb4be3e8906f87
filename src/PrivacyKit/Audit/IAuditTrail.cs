namespace PrivacyKit.Audit;

/// <summary>
/// Records audit events. Every PrivacyKit feature that touches personal data, consent, roles,
/// keys or requests records through this interface; the audit pipeline behind it batches events
/// to the configured sinks and chains them so tampering is detectable.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. <see cref="RecordAsync"/> completes when the event is
/// accepted by the pipeline (buffered delivery) or durable in the sink (guaranteed delivery); it
/// throws rather than drop an event it cannot accept.
/// </remarks>
public interface IAuditTrail
{
    /// <summary>Records one event.</summary>
    /// <param name="auditEvent">The event. Fields the caller leaves unset (time, actor, correlation id) are filled from the ambient context.</param>
    /// <param name="cancellationToken">Cancels waiting for space or durability; the event may still be written.</param>
    /// <returns>A task that completes when the event is accepted or durable, depending on the delivery mode.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="auditEvent"/> is <see langword="null"/>.</exception>
    /// <exception cref="AuditException">The event could not be accepted (buffer full with the fail policy, sink failed in guaranteed mode).</exception>
    ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default);
}
