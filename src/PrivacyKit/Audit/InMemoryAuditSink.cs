using System.Runtime.CompilerServices;

namespace PrivacyKit.Audit;

/// <summary>
/// Keeps audit records in memory, for tests of applications that use PrivacyKit: add it with
/// <c>AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed)</c> and assert on <see cref="Records"/>, or query and
/// verify it like any readable sink. Not for production: records are lost when the process ends.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class InMemoryAuditSink : IBatchedAuditSink, IAuditReader
{
    private readonly List<AuditRecord> _records = [];
    private readonly Dictionary<string, long> _heads = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Gets a snapshot of the records written so far, in order.</summary>
    public IReadOnlyList<AuditRecord> Records
    {
        get
        {
            lock (_lock)
            {
                return [.. _records];
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask WriteBatchAsync(IReadOnlyList<AuditRecord> records, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        lock (_lock)
        {
            foreach (var record in records)
            {
                // A retried batch brings records already kept: keep each sequence number once.
                if (!_heads.TryGetValue(record.InstanceId, out var head) || head < record.Sequence)
                {
                    _records.Add(record);
                    _heads[record.InstanceId] = record.Sequence;
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<AuditRecord> QueryAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.Yield();
        foreach (var record in Records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (query.Matches(record))
            {
                yield return record;
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<AuditStoredRecord> ReadStoredAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var records = Records;
        for (var i = 0; i < records.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return new AuditStoredRecord(records[i], $"memory:{i}");
        }
    }

    /// <inheritdoc/>
    public ValueTask<AuditCheckpoint?> GetChainHeadAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        lock (_lock)
        {
            var last = _records.FindLast(r => r.InstanceId == instanceId);
            return ValueTask.FromResult(last is null ? null : new AuditCheckpoint(instanceId, last.Sequence, last.Hash, last.Event.Timestamp));
        }
    }
}
