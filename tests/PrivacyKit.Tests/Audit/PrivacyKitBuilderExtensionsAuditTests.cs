using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PrivacyKit.Audit;
using PrivacyKit.Tests.TestSupport;

namespace PrivacyKit.Tests.Audit;

public sealed class PrivacyKitBuilderExtensionsAuditTests
{
    [Fact]
    public async Task AddPrivacyKit_Plain_ResolvesThePipelineAsAuditTrailAndControl()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPrivacyKit().AddPrivacyKitAgain();
        await using var provider = services.BuildServiceProvider();
        var trail = provider.GetRequiredService<IAuditTrail>();
        Assert.IsType<AuditPipeline>(trail);
        Assert.Same(trail, provider.GetRequiredService<IAuditPipeline>());
        Assert.Single(provider.GetServices<IHostedService>(), s => s is AuditPipelineHostedService);
        Assert.NotNull(provider.GetRequiredService<AuditChainVerifier>());
        await trail.RecordAsync(AuditTestKit.Event(1));
    }

    [Fact]
    public async Task AddPrivacyKit_ApplicationTrailRegisteredFirst_Wins()
    {
        var services = new ServiceCollection();
        var own = new RecordingAuditTrail();
        services.AddSingleton<IAuditTrail>(own);
        services.AddPrivacyKit();
        await using var provider = services.BuildServiceProvider();
        Assert.Same(own, provider.GetRequiredService<IAuditTrail>());
    }

    [Fact]
    public async Task AddBatchedAuditSink_ReadableSink_BecomesTheDefaultReader()
    {
        var sink = new InMemoryAuditSink();
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed));
        Assert.Same(sink, kit.Provider.GetRequiredService<IAuditReader>());
    }

    [Fact]
    public async Task AddAuditSink_SingleRecordSink_ReceivesEveryRecordInOrder()
    {
        var sink = new ListSink();
        await using var kit = AuditTestKit.Create(b => b.AddAuditSink(sink, AuditSinkPolicy.MustSucceed));
        for (var i = 0; i < 5; i++)
        {
            await kit.Trail.RecordAsync(AuditTestKit.Event(i));
        }

        await kit.Pipeline.FlushAsync();
        Assert.Equal([1L, 2L, 3L, 4L, 5L], sink.Records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task AddAuditSink_Factory_CreatedOnceFromTheProvider()
    {
        var created = 0;
        var sink = new ListSink();
        await using var kit = AuditTestKit.Create(b => b.AddAuditSink(_ => { created++; return sink; }, AuditSinkPolicy.BestEffort));
        await kit.Trail.RecordAsync(AuditTestKit.Event(1) with { Delivery = AuditDelivery.Guaranteed });
        await kit.Trail.RecordAsync(AuditTestKit.Event(2) with { Delivery = AuditDelivery.Guaranteed });
        Assert.Equal(1, created);
        Assert.Equal(AuditSinkPolicy.BestEffort, Assert.Single(kit.Pipeline.Sinks).Policy);
        Assert.Equal(2, sink.Records.Count);
    }

    [Fact]
    public async Task AddAuditCheckpointFile_Flush_AppendsParsableCheckpoints()
    {
        var path = Path.Combine(Path.GetTempPath(), "pk-cp-" + Guid.NewGuid().ToString("N"), "checkpoints.txt");
        try
        {
            await using (var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(new InMemoryAuditSink(), AuditSinkPolicy.MustSucceed).AddAuditCheckpointFile(path)))
            {
                await kit.Trail.RecordAsync(AuditTestKit.Event(1));
                await kit.Pipeline.FlushAsync();
            }

            var checkpoint = AuditCheckpoint.Parse(Assert.Single(File.ReadAllLines(path)));
            Assert.Equal(1, checkpoint.Sequence);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void AddAuditSink_UndefinedPolicy_ThrowsArgumentOutOfRangeException()
    {
        var builder = new ServiceCollection().AddPrivacyKit();
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddAuditSink(new ListSink(), (AuditSinkPolicy)7));
    }

    [Fact]
    public void BuilderExtensions_NullArguments_ThrowArgumentNullException()
    {
        var builder = new ServiceCollection().AddPrivacyKit();
        Assert.Throws<ArgumentNullException>(() => builder.AddAuditSink((IAuditSink)null!, AuditSinkPolicy.MustSucceed));
        Assert.Throws<ArgumentNullException>(() => builder.AddBatchedAuditSink((IBatchedAuditSink)null!, AuditSinkPolicy.MustSucceed));
        Assert.Throws<ArgumentNullException>(() => builder.ConfigureAudit(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddAuditCheckpointSink(null!));
        Assert.Throws<ArgumentNullException>(() => ((IPrivacyKitBuilder)null!).AddLoggerAuditSink());
    }

    [Fact]
    public async Task UseAuditKeyProvider_Custom_SignsWithItsKey()
    {
        var sink = new InMemoryAuditSink();
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed).UseAuditKeyProvider<FixedKeys>());
        await kit.Trail.RecordAsync(AuditTestKit.Event(1) with { Delivery = AuditDelivery.Guaranteed });
        Assert.Equal("hsm-7", Assert.Single(sink.Records).KeyId);
        Assert.True((await new AuditChainVerifier(new FixedKeys()).VerifyAsync(sink)).IsValid);
        Assert.DoesNotContain(kit.Logs.Entries, e => e.Id.Id == 5001);
    }

    private sealed class FixedKeys : IAuditKeyProvider
    {
        public string CurrentChainKeyId => "hsm-7";

        public string ValueHashKeyId => "hsm-8";

        public ReadOnlyMemory<byte> GetChainKey(string keyId) => keyId == "hsm-7" ? new byte[32] : throw new AuditException("unknown");

        public ReadOnlyMemory<byte> GetValueHashKey() => Enumerable.Repeat((byte)1, 32).ToArray();
    }

    private sealed class ListSink : IAuditSink
    {
        public List<AuditRecord> Records { get; } = [];

        public ValueTask WriteAsync(AuditRecord record, CancellationToken cancellationToken)
        {
            Records.Add(record);
            return ValueTask.CompletedTask;
        }
    }
}

internal static class BuilderTestExtensions
{
    public static IPrivacyKitBuilder AddPrivacyKitAgain(this IPrivacyKitBuilder builder) => builder.Services.AddPrivacyKit();
}
