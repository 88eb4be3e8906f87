namespace PrivacyKit.Audit;

/// <summary>
/// Receives the chain checkpoints the pipeline takes every <see cref="AuditOptions.CheckpointInterval"/>
/// records and when it flushes, to keep them away from the audit records (another store, another account,
/// write-once storage), so that records cut from the end of a chain are detected.
/// </summary>
/// <remarks>
/// Called from the pipeline's background writer, never concurrently. A failure is logged and counted; it
/// never fails an audited operation.
/// </remarks>
public interface IAuditCheckpointSink
{
    /// <summary>Stores one checkpoint.</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <param name="cancellationToken">Cancelled when the pipeline shuts down.</param>
    /// <returns>A task that completes when the checkpoint is stored.</returns>
    ValueTask WriteCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken);
}
