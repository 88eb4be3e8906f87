using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class AuditPipelineHostedServiceTests
{
    [Fact]
    public async Task StopAsync_BufferedEvents_WrittenBeforeStopCompletes()
    {
        var sink = new InMemoryAuditSink();
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed));
        var hosted = kit.Provider.GetServices<IHostedService>().OfType<AuditPipelineHostedService>().Single();
        await hosted.StartAsync(CancellationToken.None);
        for (var i = 0; i < 100; i++)
        {
            await kit.Trail.RecordAsync(AuditTestKit.Event(i));
        }

        await hosted.StopAsync(CancellationToken.None);
        Assert.Equal(100, sink.Records.Count);
    }

    [Fact]
    public async Task StartAsync_RequireConfiguredKeysWithoutKeys_FailsAtStartUp()
    {
        await using var kit = AuditTestKit.Create(options: o => o.RequireConfiguredKeys = true);
        var hosted = kit.Provider.GetServices<IHostedService>().OfType<AuditPipelineHostedService>().Single();
        var ex = await Assert.ThrowsAsync<AuditException>(() => hosted.StartAsync(CancellationToken.None));
        Assert.Contains("RequireConfiguredKeys", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_ChainHeadUnreadable_GuaranteedCallerGetsAuditExceptionAndItIsLogged()
    {
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(new UnreadableSink(), AuditSinkPolicy.MustSucceed));
        var ex = await Assert.ThrowsAsync<AuditException>(async () =>
            await kit.Trail.RecordAsync(AuditTestKit.Event(1) with { Delivery = AuditDelivery.Guaranteed }));
        Assert.Contains("head of the audit chain of instance 'node-1'", ex.Message, StringComparison.Ordinal);
        Assert.Single(kit.Logs.Entries, e => e.Id.Id == 5006);
    }

    private sealed class UnreadableSink : IBatchedAuditSink, IAuditReader
    {
        public ValueTask WriteBatchAsync(IReadOnlyList<AuditRecord> records, bool durable, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public IAsyncEnumerable<AuditRecord> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) => Empty<AuditRecord>(cancellationToken);

        public IAsyncEnumerable<AuditStoredRecord> ReadStoredAsync(CancellationToken cancellationToken = default) => Empty<AuditStoredRecord>(cancellationToken);

        public ValueTask<AuditCheckpoint?> GetChainHeadAsync(string instanceId, CancellationToken cancellationToken = default) =>
            throw new IOException("disk unreadable");

        private static async IAsyncEnumerable<T> Empty<T>([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield break;
        }
    }
}
