using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrivacyKit.Context;
using PrivacyKit.Internal;

namespace PrivacyKit.Audit;

/// <summary>
/// The default <see cref="IAuditTrail"/>: callers fill in the ambient facts and put events in a bounded channel;
/// one background writer takes batches, chains and signs them, and writes them to every sink.
/// </summary>
internal sealed partial class AuditPipeline : IAuditTrail, IAuditPipeline, IAsyncDisposable, IDisposable
{
    private readonly AuditOptions _options;
    private readonly IPrivacyContextAccessor _context;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Pending> _channel;
    private readonly AuditSinkEntry[] _sinks;
    private readonly IAuditCheckpointSink[] _checkpointSinks;
    private readonly AuditChainSigner _signer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;
    private readonly List<AuditRecord> _records;
    private readonly byte[] _previousHash = new byte[AuditCanonicalEncoding.HashSize];
    private string _previousHashHex = new('0', AuditCanonicalEncoding.HashSize * 2);
    private long _sequence = -1;
    private long _sinceCheckpoint;
    private volatile AuditCheckpoint? _checkpoint;
    private AuditCheckpoint? _exportedCheckpoint;
    private volatile bool _stopped;
    private int _disposed;

    public AuditPipeline(
        IOptions<AuditOptions> options,
        IOptions<PrivacyKitOptions> kitOptions,
        IEnumerable<AuditSinkRegistration> sinks,
        IEnumerable<IAuditCheckpointSink> checkpointSinks,
        IAuditKeyProvider keys,
        IPrivacyContextAccessor context,
        TimeProvider time,
        IServiceProvider services,
        ILoggerFactory? loggerFactory = null)
    {
        _options = options.Value;
        _context = context;
        _time = time;
        InstanceId = kitOptions.Value.InstanceId;
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = factory.CreateLogger("PrivacyKit.Audit.Pipeline");
        _sinks = [.. sinks.Select(s => s.Create(services))];
        if (_sinks.Length == 0)
        {
            // A plain AddPrivacyKit() still records somewhere: the application's logs.
            _sinks = [new AuditSinkEntry(nameof(LoggerAuditSink), new LoggerAuditSink(factory), null, AuditSinkPolicy.MustSucceed)];
        }

        _checkpointSinks = [.. checkpointSinks];
        _signer = new AuditChainSigner(keys.CurrentChainKeyId, keys.GetChainKey(keys.CurrentChainKeyId).Span);
        if (keys is OptionsAuditKeyProvider { UsesDevelopmentKey: true })
        {
            AuditLog.DevelopmentKey(_logger, InstanceId);
        }

        _records = new List<AuditRecord>(_options.MaxBatchSize);
        _channel = Channel.CreateBounded<Pending>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        Metrics = new AuditMetrics(services.GetService<IMeterFactory>(), () => _channel.Reader.Count);
        _writer = Task.Run(RunAsync);
    }

    public string InstanceId { get; }

    internal AuditMetrics Metrics { get; }

    internal IReadOnlyList<AuditSinkEntry> Sinks => _sinks;

    public ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (_stopped)
        {
            throw Error.AuditPipelineStopped();
        }

        Validate(auditEvent);
        var filled = Fill(auditEvent);
        if ((auditEvent.Delivery ?? _options.DefaultDelivery) == AuditDelivery.Buffered)
        {
            var pending = new Pending(filled, null);
            return _channel.Writer.TryWrite(pending) ? ValueTask.CompletedTask : EnqueueSlowAsync(pending, cancellationToken);
        }

        return RecordGuaranteedAsync(filled, cancellationToken);
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_stopped)
        {
            throw Error.AuditPipelineStopped();
        }

        var marker = new Pending(null, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await EnqueueAsync(marker, wait: true, cancellationToken).ConfigureAwait(false);
        await marker.Completion!.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public AuditCheckpoint? GetCheckpoint() => _checkpoint;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopped = true;
        _channel.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _signer.Dispose();
        Metrics.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async ValueTask RecordGuaranteedAsync(AuditEvent filled, CancellationToken cancellationToken)
    {
        var pending = new Pending(filled, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_channel.Writer.TryWrite(pending))
        {
            await EnqueueSlowAsync(pending, cancellationToken).ConfigureAwait(false);
        }

        await pending.Completion!.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private ValueTask EnqueueSlowAsync(Pending pending, CancellationToken cancellationToken) =>
        EnqueueAsync(pending, _options.FullQueuePolicy == AuditFullQueuePolicy.Wait, cancellationToken);

    private async ValueTask EnqueueAsync(Pending pending, bool wait, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(pending))
        {
            return;
        }

        if (_stopped)
        {
            throw Error.AuditPipelineStopped();
        }

        if (!wait)
        {
            Metrics.Rejected();
            throw Error.AuditQueueFull(_options.QueueCapacity);
        }

        try
        {
            await _channel.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            throw Error.AuditPipelineStopped();
        }
    }

    private AuditEvent Fill(AuditEvent e)
    {
        var context = _context.Current;
        var actor = e.ActorId is null ? context?.Actor : null;
        var correlation = e.CorrelationId ?? context?.CorrelationId ?? Activity.Current?.TraceId.ToHexString();
        return e with
        {
            Timestamp = e.Timestamp == default ? _time.GetUtcNow() : e.Timestamp.ToUniversalTime(),
            ActorId = e.ActorId ?? actor?.Id,
            ActorRoles = actor is not null && e.ActorRoles.Count == 0 ? actor.Roles : Copy(e.ActorRoles),
            OnBehalfOf = e.OnBehalfOf ?? actor?.OnBehalfOf,
            Purpose = e.Purpose ?? context?.Purpose,
            CorrelationId = correlation,
            Fields = Copy(e.Fields),
            Properties = e.Properties.Count == 0 ? e.Properties : new Dictionary<string, string>(e.Properties, StringComparer.Ordinal),
            Delivery = null,
        };
    }

    private static void Validate(AuditEvent auditEvent)
    {
        if (HasNull(auditEvent.ActorRoles))
        {
            throw Error.AuditEventInvalid(nameof(AuditEvent.ActorRoles), nameof(auditEvent));
        }

        if (HasNull(auditEvent.Fields))
        {
            throw Error.AuditEventInvalid(nameof(AuditEvent.Fields), nameof(auditEvent));
        }

        if (auditEvent.Properties.Count > 0 && auditEvent.Properties.Values.Contains(null!))
        {
            throw Error.AuditEventInvalid(nameof(AuditEvent.Properties), nameof(auditEvent));
        }
    }

    private static bool HasNull(IReadOnlyList<string> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                return true;
            }
        }

        return false;
    }

    // The caller may reuse its collections after the call returns; the record keeps its own copy.
    private static IReadOnlyList<string> Copy(IReadOnlyList<string> items) => items.Count == 0 ? [] : [.. items];

    private async Task RunAsync()
    {
        var batch = new List<Pending>(_options.MaxBatchSize);
        var reader = _channel.Reader;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (batch.Count < _options.MaxBatchSize && reader.TryRead(out var item))
                {
                    batch.Add(item);
                }

                await ProcessAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }

            await WriteCheckpointAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The writer must never die silently: everything waiting is failed and the fault logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _stopped = true;
            _channel.Writer.TryComplete(ex);
            AuditLog.WriterCrashed(_logger, ex);
            foreach (var pending in batch)
            {
                pending.Completion?.TrySetException(Error.AuditPipelineStopped());
            }

            while (reader.TryRead(out var item))
            {
                item.Completion?.TrySetException(Error.AuditPipelineStopped());
            }
        }
    }

    private async Task ProcessAsync(List<Pending> batch)
    {
        var durable = false;
        var flush = false;
        _records.Clear();
        Exception? failure = null;
        try
        {
            if (_sequence < 0)
            {
                await ResumeChainAsync().ConfigureAwait(false);
            }

            foreach (var pending in batch)
            {
                if (pending.Event is null)
                {
                    flush = true;
                    continue;
                }

                durable |= pending.Completion is not null;
                _records.Add(Chain(pending.Event));
            }

            if (_records.Count > 0)
            {
                failure = await WriteToSinksAsync(durable).ConfigureAwait(false);
                var last = _records[^1];
                _checkpoint = new AuditCheckpoint(InstanceId, last.Sequence, last.Hash, _time.GetUtcNow());
                _sinceCheckpoint += _records.Count;
            }
        }
        catch (AuditException ex)
        {
            // The chain head could not be read: nothing was chained; the events are failed loudly, never dropped silently.
            failure = ex;
            Metrics.FailedEvents("pipeline", batch.Count(p => p.Event is not null));
        }

        foreach (var pending in batch)
        {
            if (pending.Completion is null)
            {
                continue;
            }

            if (failure is null || pending.Event is null)
            {
                pending.Completion.TrySetResult();
            }
            else
            {
                pending.Completion.TrySetException(failure);
            }
        }

        if (flush || _sinceCheckpoint >= _options.CheckpointInterval)
        {
            await WriteCheckpointAsync().ConfigureAwait(false);
        }
    }

    private AuditRecord Chain(AuditEvent e)
    {
        var sequence = ++_sequence;
        Span<byte> hash = stackalloc byte[AuditCanonicalEncoding.HashSize];
        _signer.Sign(InstanceId, sequence, _previousHash, e, hash);
        var hex = Convert.ToHexStringLower(hash);
        var record = new AuditRecord
        {
            InstanceId = InstanceId,
            Sequence = sequence,
            KeyId = _signer.KeyId,
            PreviousHash = _previousHashHex,
            Hash = hex,
            Event = e,
        };
        hash.CopyTo(_previousHash);
        _previousHashHex = hex;
        return record;
    }

    private async Task ResumeChainAsync()
    {
        AuditCheckpoint? head = null;
        foreach (var sink in _sinks)
        {
            if (sink.Reader is null || sink.Policy != AuditSinkPolicy.MustSucceed)
            {
                continue;
            }

            try
            {
                var candidate = await sink.Reader.GetChainHeadAsync(InstanceId, _stopping.Token).ConfigureAwait(false);
                if (candidate is not null && (head is null || candidate.Sequence > head.Sequence))
                {
                    head = candidate;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AuditLog.ChainHeadUnavailable(_logger, ex, InstanceId, sink.Name);
                throw Error.AuditChainHeadUnavailable(InstanceId, ex);
            }
        }

        if (head is null)
        {
            _sequence = 0;
            return;
        }

        _sequence = head.Sequence;
        _previousHashHex = head.Hash;
        Convert.FromHexString(head.Hash, _previousHash, out _, out _);
        _checkpoint = head;
        AuditLog.ChainResumed(_logger, InstanceId, head.Sequence);
    }

    private async Task<Exception?> WriteToSinksAsync(bool durable)
    {
        Exception? mustFailure = null;
        var first = _records[0].Sequence;
        var last = _records[^1].Sequence;
        foreach (var sink in _sinks)
        {
            var attempts = sink.Policy == AuditSinkPolicy.MustSucceed ? _options.SinkRetryCount + 1 : 1;
            var delay = _options.SinkRetryDelay;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await sink.Sink.WriteBatchAsync(_records, durable, _stopping.Token).ConfigureAwait(false);
                    Metrics.Written(sink.Name, _records.Count);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
                {
                    Metrics.Failure(sink.Name);
                    if (attempt >= attempts)
                    {
                        Metrics.FailedEvents(sink.Name, _records.Count);
                        AuditLog.SinkBatchFailed(_logger, ex, sink.Name, sink.Policy, _records.Count, first, last, InstanceId);
                        if (sink.Policy == AuditSinkPolicy.MustSucceed)
                        {
                            mustFailure ??= Error.AuditSinkFailed(sink.Name, first, last, ex);
                        }

                        break;
                    }

                    AuditLog.SinkAttemptFailed(_logger, ex, sink.Name, first, last, attempt);
                    if (delay > TimeSpan.Zero)
                    {
                        await Task.Delay(delay, _time).ConfigureAwait(false);
                        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
                    }
                }
            }
        }

        return mustFailure;
    }

    private async Task WriteCheckpointAsync()
    {
        var checkpoint = _checkpoint;
        _sinceCheckpoint = 0;
        if (checkpoint is null || ReferenceEquals(checkpoint, _exportedCheckpoint))
        {
            return;
        }

        _exportedCheckpoint = checkpoint;

        foreach (var sink in _checkpointSinks)
        {
            try
            {
                await sink.WriteCheckpointAsync(checkpoint, _stopping.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A checkpoint store failing must not stop auditing; it is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                AuditLog.CheckpointFailed(_logger, ex, sink.GetType().Name, checkpoint.Sequence);
            }
        }
    }

    private readonly record struct Pending(AuditEvent? Event, TaskCompletionSource? Completion);
}
