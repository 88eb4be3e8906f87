namespace PrivacyKit.Audit;

/// <summary>
/// A destination for audit records that takes one record at a time. The pipeline calls it from its single
/// background writer, in chain order, and wraps it in its batching engine.
/// </summary>
/// <remarks>
/// Calls are never concurrent, so implementations need not be thread-safe unless shared elsewhere. Throw
/// any exception to report a failure: the pipeline applies the sink's <see cref="AuditSinkPolicy"/>
/// (retry and fail guaranteed callers, or log and go on). A sink that can also be read back implements
/// <see cref="IAuditReader"/>.
/// </remarks>
public interface IAuditSink
{
    /// <summary>Writes one record.</summary>
    /// <param name="record">The record, already chained and signed.</param>
    /// <param name="cancellationToken">Cancelled when the pipeline shuts down.</param>
    /// <returns>A task that completes when the record is written.</returns>
    ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken);
}
