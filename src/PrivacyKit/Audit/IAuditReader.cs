namespace PrivacyKit.Audit;

/// <summary>
/// Reads audit records back from a sink's storage: queries for a data subject, an actor or a time range,
/// the raw entries the <see cref="AuditChainVerifier"/> walks, and the head of a chain so a restarted
/// writer continues it.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe: reads may run while the pipeline writes. They throw
/// <see cref="AuditException"/> when the storage cannot be read at all; a single unreadable entry is
/// reported through <see cref="ReadStoredAsync"/> instead.
/// </remarks>
public interface IAuditReader
{
    /// <summary>Reads the records that match a query, in storage order. Unreadable entries are skipped.</summary>
    /// <param name="query">The criteria.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The matching records.</returns>
    IAsyncEnumerable<AuditRecord> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reads every stored entry in storage order, including entries that cannot be read as records.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<AuditStoredRecord> ReadStoredAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets the last complete record of an instance's chain, so that a restarted writer continues it.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The sequence and hash of the last record, or <see langword="null"/> when the chain is empty.</returns>
    ValueTask<AuditCheckpoint?> GetChainHeadAsync(string instanceId, CancellationToken cancellationToken = default);
}
