namespace PrivacyKit.Audit;

/// <summary>
/// Controls the running audit pipeline (the default <see cref="IAuditTrail"/>): flushes its buffer and
/// exports checkpoints of its chain.
/// </summary>
/// <remarks>Thread-safe. <see cref="FlushAsync"/> throws <see cref="AuditException"/> after the pipeline has stopped.</remarks>
public interface IAuditPipeline
{
    /// <summary>Gets this instance's chain id (<see cref="PrivacyKitOptions.InstanceId"/>).</summary>
    string InstanceId { get; }

    /// <summary>Waits until every event accepted before the call has been written to the sinks.</summary>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>A task that completes when the buffer has been written.</returns>
    /// <exception cref="AuditException">The pipeline has stopped.</exception>
    ValueTask FlushAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets a checkpoint of the last record written, or <see langword="null"/> before the first one.</summary>
    /// <returns>The checkpoint.</returns>
    AuditCheckpoint? GetCheckpoint();
}
