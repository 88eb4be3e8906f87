using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit;
using PrivacyKit.Audit;

namespace PrivacyKit.Benchmarks;

/// <summary>
/// How many audit events per second does the pipeline take into the JSON-lines file sink, buffered and
/// guaranteed (fsync per batch)? The baseline is buffered delivery; a sink that discards shows the cost of the
/// pipeline alone (chaining, HMAC, batching).
/// </summary>
[MemoryDiagnoser]
public class AuditPipelineBenchmarks
{
    private const int BufferedEvents = 20_000;
    private const int GuaranteedCallers = 64;
    private const int GuaranteedPerCaller = 16;

    private readonly AuditEvent[] _events = [.. Enumerable.Range(0, BufferedEvents).Select(i => new AuditEvent
    {
        Kind = AuditEventKind.PersonalDataRead,
        Action = "customers:read",
        ActorId = "agent-" + (i % 50),
        ActorRoles = ["agent"],
        SubjectId = "cust-" + i,
        ResourceType = "Customer",
        ResourceId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Fields = ["Email", "Phone"],
        Purpose = "support",
        CorrelationId = "4bf92f3577b34da6a3ce929d0e0e4736",
    })];

    private string _directory = string.Empty;
    private ServiceProvider _file = null!;
    private ServiceProvider _discard = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "pk-audit-bench-" + Guid.NewGuid().ToString("N"));
        _file = Build(b => b.AddJsonLinesAuditSink(_directory));
        _discard = Build(b => b.AddBatchedAuditSink(new DiscardSink(), AuditSinkPolicy.MustSucceed));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _file.Dispose();
        _discard.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BufferedEvents)]
    public Task BufferedToFile() => RecordBufferedAsync(_file);

    [Benchmark(OperationsPerInvoke = GuaranteedCallers * GuaranteedPerCaller)]
    public Task GuaranteedToFile64Callers()
    {
        var trail = _file.GetRequiredService<IAuditTrail>();
        return Task.WhenAll(Enumerable.Range(0, GuaranteedCallers).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < GuaranteedPerCaller; i++)
            {
                await trail.RecordAsync(_events[(c * GuaranteedPerCaller) + i] with { Delivery = AuditDelivery.Guaranteed });
            }
        })));
    }

    [Benchmark(OperationsPerInvoke = BufferedEvents)]
    public Task BufferedToDiscardingSink() => RecordBufferedAsync(_discard);

    private async Task RecordBufferedAsync(ServiceProvider provider)
    {
        var trail = provider.GetRequiredService<IAuditTrail>();
        foreach (var e in _events)
        {
            await trail.RecordAsync(e);
        }

        await provider.GetRequiredService<IAuditPipeline>().FlushAsync();
    }

    private static ServiceProvider Build(Action<IPrivacyKitBuilder> sinks)
    {
        var services = new ServiceCollection();
        var builder = services.AddPrivacyKit(o => o.InstanceId = "bench")
            .ConfigureAudit(o => o.ChainKey = Convert.ToBase64String(new byte[32]));
        builder.ConfigureAudit(o => o.ValueHashKey = Convert.ToBase64String(Enumerable.Repeat((byte)1, 32).ToArray()));
        sinks(builder);
        return services.BuildServiceProvider();
    }

    private sealed class DiscardSink : IBatchedAuditSink
    {
        public ValueTask WriteBatchAsync(IReadOnlyList<AuditRecord> records, bool durable, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
