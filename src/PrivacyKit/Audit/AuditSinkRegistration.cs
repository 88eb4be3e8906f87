namespace PrivacyKit.Audit;

/// <summary>A sink added through the builder with its failure policy; the pipeline creates it once.</summary>
internal sealed class AuditSinkRegistration(Func<IServiceProvider, object> factory, AuditSinkPolicy policy)
{
    public AuditSinkPolicy Policy { get; } = policy;

    public AuditSinkEntry Create(IServiceProvider services)
    {
        var sink = factory(services);
        var batched = sink switch
        {
            IBatchedAuditSink b => b,
            IAuditSink s => new SingleRecordSinkAdapter(s),
            _ => throw new InvalidOperationException($"{sink.GetType().Name} is neither an IAuditSink nor an IBatchedAuditSink."),
        };
        return new AuditSinkEntry(sink.GetType().Name, batched, sink as IAuditReader, Policy);
    }
}

/// <summary>A created sink as the pipeline uses it.</summary>
internal sealed record AuditSinkEntry(string Name, IBatchedAuditSink Sink, IAuditReader? Reader, AuditSinkPolicy Policy);

/// <summary>Feeds a single-record sink from the batching engine; a retried batch skips the records already written.</summary>
internal sealed class SingleRecordSinkAdapter(IAuditSink sink) : IBatchedAuditSink
{
    private long _lastWritten = long.MinValue;

    public async ValueTask WriteBatchAsync(IReadOnlyList<AuditRecord> records, bool durable, CancellationToken cancellationToken)
    {
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Sequence <= _lastWritten)
            {
                continue;
            }

            await sink.WriteAsync(records[i], cancellationToken).ConfigureAwait(false);
            _lastWritten = records[i].Sequence;
        }
    }
}
