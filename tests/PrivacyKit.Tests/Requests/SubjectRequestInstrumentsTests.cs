using System.Diagnostics.Metrics;
using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

public sealed class SubjectRequestInstrumentsTests
{
    [Fact]
    public async Task Workflow_SubmitAndComplete_RecordsReceivedClosedAndTimeToClose()
    {
        using var host = new RequestTestHost();
        var instruments = (SubjectRequestInstruments)host.Services.GetService(typeof(SubjectRequestInstruments))!;
        var measurements = new List<(string Name, double Value, string? Kind)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: other tests run in parallel with meters of the same name.
            if (ReferenceEquals(instrument.Meter, instruments.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        listener.Start();

        var request = await host.InProgressAsync(SubjectRequestKind.Erasure);
        host.Time.Advance(TimeSpan.FromDays(3));
        await host.Workflow.CompleteAsync(request.Id, RequestTestHost.Operator);

        Assert.Equal(SubjectRequestInstruments.MeterName, instruments.Meter.Name);
        lock (measurements)
        {
            Assert.Contains(("privacykit.requests.received", 1d, "Erasure"), measurements);
            Assert.Contains(("privacykit.requests.closed", 1d, "Erasure"), measurements);
            Assert.Contains(("privacykit.requests.time_to_close", 3d, "Erasure"), measurements);
        }

        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? kind = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "privacykit.request.kind")
                {
                    kind = tag.Value as string;
                }
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, value, kind));
            }
        }
    }
}
