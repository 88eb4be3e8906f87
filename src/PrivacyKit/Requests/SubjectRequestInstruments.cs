using System.Diagnostics.Metrics;

namespace PrivacyKit.Requests;

/// <summary>The <c>PrivacyKit.Requests</c> meter: requests received, extended and closed, and time to close.</summary>
internal sealed class SubjectRequestInstruments : IDisposable
{
    public const string MeterName = "PrivacyKit.Requests";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _received;
    private readonly Counter<long> _extended;
    private readonly Counter<long> _closed;
    private readonly Histogram<double> _timeToClose;

    public SubjectRequestInstruments(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _received = _meter.CreateCounter<long>("privacykit.requests.received", "{request}", "Data subject requests received.");
        _extended = _meter.CreateCounter<long>("privacykit.requests.extended", "{request}", "Data subject requests whose deadline was extended.");
        _closed = _meter.CreateCounter<long>("privacykit.requests.closed", "{request}", "Data subject requests completed or rejected.");
        _timeToClose = _meter.CreateHistogram<double>("privacykit.requests.time_to_close", "d", "Days from receipt to completion or rejection.");
    }

    /// <summary>Gets the meter the instruments belong to.</summary>
    public Meter Meter => _meter;

    public void Record(SubjectRequest request, SubjectRequestCommand command)
    {
        var kind = new KeyValuePair<string, object?>("privacykit.request.kind", request.Kind.ToString());
        var regime = new KeyValuePair<string, object?>("privacykit.request.regime", request.Regime.ToString());
        switch (command)
        {
            case SubjectRequestCommand.Submit:
                _received.Add(1, kind, regime);
                break;
            case SubjectRequestCommand.Extend:
                _extended.Add(1, kind, regime);
                break;
            case SubjectRequestCommand.Complete or SubjectRequestCommand.Reject when request.ClosedAt is { } closedAt:
                var status = new KeyValuePair<string, object?>("privacykit.request.status", request.Status.ToString());
                var late = new KeyValuePair<string, object?>("privacykit.request.late", closedAt > request.EffectiveDueAt);
                _closed.Add(1, kind, regime, status, late);
                _timeToClose.Record((closedAt - request.ReceivedAt).TotalDays, kind, regime, status);
                break;
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
