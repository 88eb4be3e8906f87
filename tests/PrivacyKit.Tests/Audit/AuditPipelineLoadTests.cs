using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class AuditPipelineLoadTests : IDisposable
{
    private const int Producers = 8;
    private const int EventsPerProducer = 100_000;

    private readonly TempDirectory _temp = new();

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    [Fact]
    [Trait("Category", "Load")]
    public async Task RecordAsync_EightProducersThroughTheFileSink_NothingLostAndChainValid()
    {
        var kit = AuditTestKit.Create(b => b.AddJsonLinesAuditSink(Dir), o => o.QueueCapacity = 100_000);
        var verifier = kit.Provider.GetRequiredService<AuditChainVerifier>();
        var reader = kit.Provider.GetRequiredService<IAuditReader>();
        var producers = Enumerable.Range(0, Producers).Select(p => Task.Run(async () =>
        {
            for (var i = 0; i < EventsPerProducer; i++)
            {
                // Every thousandth event is guaranteed, as a read of sensitive data would be.
                await kit.Trail.RecordAsync(new AuditEvent
                {
                    Kind = AuditEventKind.PersonalDataRead,
                    ActorId = $"producer-{p}",
                    ResourceId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Fields = ["Email"],
                    Delivery = i % 1000 == 999 ? AuditDelivery.Guaranteed : AuditDelivery.Buffered,
                });
            }
        })).ToArray();
        await Task.WhenAll(producers);
        await kit.DisposeAsync();

        var result = await verifier.VerifyAsync(reader);
        Assert.True(result.IsValid, result.FirstIssue?.Message);
        Assert.Empty(result.Issues);
        Assert.Equal(Producers * EventsPerProducer, result.RecordCount);
        Assert.Equal(Producers * EventsPerProducer, result.Heads[AuditTestKit.InstanceId].Sequence);

        // Every producer's events are there, each once, in the order it recorded them.
        var next = new int[Producers];
        await foreach (var record in reader.QueryAsync(AuditQuery.All))
        {
            var p = record.Event.ActorId![^1] - '0';
            Assert.Equal(next[p]++.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Event.ResourceId);
        }

        Assert.All(next, n => Assert.Equal(EventsPerProducer, n));
    }
}
