using System.Diagnostics.Metrics;

namespace PrivacyKit.Audit;

/// <summary>The pipeline's counters on the meter <c>PrivacyKit.Audit</c>.</summary>
internal sealed class AuditMetrics : IDisposable
{
    public const string MeterName = "PrivacyKit.Audit";

    private readonly bool _ownsMeter;
    private readonly Counter<long> _written;
    private readonly Counter<long> _batches;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _failedEvents;
    private readonly Counter<long> _rejected;

    public AuditMetrics(IMeterFactory? factory, Func<int> queueDepth)
    {
        _ownsMeter = factory is null;
        Meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _written = Meter.CreateCounter<long>("privacykit.audit.events.written", "{event}", "Audit records written to a sink.");
        _batches = Meter.CreateCounter<long>("privacykit.audit.batches", "{batch}", "Batches written to a sink.");
        _failures = Meter.CreateCounter<long>("privacykit.audit.failures", "{failure}", "Sink writes that failed (each attempt).");
        _failedEvents = Meter.CreateCounter<long>(
            "privacykit.audit.events.failed", "{event}", "Audit records a sink failed to write after its retries.");
        _rejected = Meter.CreateCounter<long>(
            "privacykit.audit.events.rejected", "{event}", "Events refused because the buffer was full (FullQueuePolicy.Fail).");
        Meter.CreateObservableGauge("privacykit.audit.queue.depth", queueDepth, "{event}", "Events waiting in the audit buffer.");
    }

    public Meter Meter { get; }

    public void Written(string sink, int count)
    {
        _written.Add(count, new KeyValuePair<string, object?>("sink", sink));
        _batches.Add(1, new KeyValuePair<string, object?>("sink", sink));
    }

    public void Failure(string sink) => _failures.Add(1, new KeyValuePair<string, object?>("sink", sink));

    public void FailedEvents(string sink, int count) => _failedEvents.Add(count, new KeyValuePair<string, object?>("sink", sink));

    public void Rejected() => _rejected.Add(1);

    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
