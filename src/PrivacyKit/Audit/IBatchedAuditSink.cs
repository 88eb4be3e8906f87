namespace PrivacyKit.Audit;

/// <summary>
/// A destination for audit records that takes them in batches, as Serilog's batched sinks do. Writing a
/// batch in one operation (one file write and fsync, one database round trip) is what makes the pipeline fast.
/// </summary>
/// <remarks>
/// The pipeline calls it from its single background writer, never concurrently, in chain order. A batch may
/// be retried after a failure: the records are the same (same sequence numbers), so a sink that had written
/// part of it must not store those records twice. Throw any exception to report a failure. A sink that can
/// also be read back implements <see cref="IAuditReader"/>.
/// </remarks>
public interface IBatchedAuditSink
{
    /// <summary>Writes a batch of records.</summary>
    /// <param name="records">The records in chain order; never empty.</param>
    /// <param name="durable">
    /// <see langword="true"/> when the batch holds a guaranteed-delivery event: the sink must make the records
    /// durable (flushed to stable storage, committed) before the returned task completes.
    /// </param>
    /// <param name="cancellationToken">Cancelled when the pipeline shuts down.</param>
    /// <returns>A task that completes when the batch is written (and durable when asked).</returns>
    ValueTask WriteBatchAsync(IReadOnlyList<AuditRecord> records, bool durable, CancellationToken cancellationToken);
}
