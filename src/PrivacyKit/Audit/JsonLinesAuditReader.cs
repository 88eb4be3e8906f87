using System.Runtime.CompilerServices;

namespace PrivacyKit.Audit;

/// <summary>
/// Reads a directory of JSON-lines audit files (docs/audit-format.md), e.g. to verify or query them
/// offline with <see cref="AuditChainVerifier"/>. The file sink added by <c>AddJsonLinesAuditSink</c> reads
/// through the same code.
/// </summary>
/// <remarks>
/// Thread-safe; it may read while a writer appends (a line being written then shows as a torn write).
/// Throws <see cref="AuditException"/> when a file cannot be opened.
/// </remarks>
public sealed class JsonLinesAuditReader : IAuditReader
{
    private readonly string _directory;
    private readonly string _prefix;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="directory">The directory holding the files.</param>
    /// <param name="filePrefix">The file name prefix the sink was configured with.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An argument is empty.</exception>
    public JsonLinesAuditReader(string directory, string filePrefix = "audit")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(filePrefix);
        _directory = directory;
        _prefix = filePrefix;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<AuditRecord> QueryAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await Task.Yield();
        foreach (var file in JsonLinesAuditFiles.List(_directory, _prefix, query.InstanceId))
        {
            foreach (var entry in JsonLinesAuditFiles.Read(file))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (entry.Record is not null && query.Matches(entry.Record))
                {
                    yield return entry.Record;
                }
            }
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<AuditStoredRecord> ReadStoredAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        foreach (var file in JsonLinesAuditFiles.List(_directory, _prefix, instanceId: null))
        {
            foreach (var entry in JsonLinesAuditFiles.Read(file))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return entry;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<AuditCheckpoint?> GetChainHeadAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var last = JsonLinesAuditFiles.FindLast(JsonLinesAuditFiles.List(_directory, _prefix, instanceId));
        return ValueTask.FromResult(last is null ? null : new AuditCheckpoint(instanceId, last.Sequence, last.Hash, last.Event.Timestamp));
    }
}
