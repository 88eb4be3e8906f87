using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;
using PrivacyKit.Context;

namespace PrivacyKit.Tests.Audit;

public sealed class AuditPipelineTests
{
    [Fact]
    public async Task RecordAsync_UnsetFields_FilledFromContextClockAndInstance()
    {
        var sink = new InMemoryAuditSink();
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed));
        var accessor = kit.Provider.GetRequiredService<IPrivacyContextAccessor>();
        kit.Time.Advance(TimeSpan.FromMinutes(5));
        using (accessor.Push(new PrivacyContext(new PrivacyActor("emp-9", ["agent", "lead"]) { OnBehalfOf = "cust-3" }) { Purpose = "billing", CorrelationId = "trace-1" }))
        {
            await kit.Trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.PersonalDataRead, SubjectId = "cust-3", Fields = ["Iban"] });
        }

        await kit.Pipeline.FlushAsync();
        var record = Assert.Single(sink.Records);
        Assert.Equal(AuditTestKit.InstanceId, record.InstanceId);
        Assert.Equal(1, record.Sequence);
        Assert.Equal("emp-9", record.Event.ActorId);
        Assert.Equal(["agent", "lead"], record.Event.ActorRoles);
        Assert.Equal("cust-3", record.Event.OnBehalfOf);
        Assert.Equal("billing", record.Event.Purpose);
        Assert.Equal("trace-1", record.Event.CorrelationId);
        Assert.Equal(AuditTestKit.Start.AddMinutes(5), record.Event.Timestamp);
    }

    [Fact]
    public async Task RecordAsync_FieldsSetByCaller_KeptOverContext()
    {
        var sink = new InMemoryAuditSink();
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed));
        using (kit.Provider.GetRequiredService<IPrivacyContextAccessor>().Push(new PrivacyContext(new PrivacyActor("ctx-actor")) { Purpose = "ctx" }))
        {
            var when = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2));
            await kit.Trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.Exported, ActorId = "job-1", Purpose = "dsr", Timestamp = when });
        }

        await kit.Pipeline.FlushAsync();
        var e = Assert.Single(sink.Records).Event;
        Assert.Equal("job-1", e.ActorId);
        Assert.Empty(e.ActorRoles);
        Assert.Equal("dsr", e.Purpose);
        Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
        Assert.Equal(new DateTimeOffset(2025, 1, 2, 1, 4, 5, TimeSpan.Zero), e.Timestamp);
    }

    [Fact]
    public async Task RecordAsync_CallerMutatesListAfterwards_RecordKeepsWhatWasRecorded()
    {
        var sink = new InMemoryAuditSink();
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed));
        var fields = new List<string> { "Email" };
        await kit.Trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.Updated, Fields = fields });
        fields.Add("Phone");
        await kit.Pipeline.FlushAsync();
        Assert.Equal(["Email"], Assert.Single(sink.Records).Event.Fields);
    }

    [Fact]
    public async Task RecordAsync_Guaranteed_CompletesOnlyAfterDurableWrite()
    {
        var sink = new ControlledSink { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed));
        var pending = kit.Trail.RecordAsync(AuditTestKit.Event(1) with { Delivery = AuditDelivery.Guaranteed }).AsTask();
        await Task.Delay(50);
        Assert.False(pending.IsCompleted);
        sink.Gate.SetResult();
        await pending;
        Assert.Single(sink.Records);
        Assert.Equal([true], sink.DurableFlags);
    }

    [Fact]
    public async Task RecordAsync_BufferedBatch_IsNotAskedToBeDurable()
    {
        var sink = new ControlledSink();
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed));
        await kit.Trail.RecordAsync(AuditTestKit.Event(1));
        await kit.Pipeline.FlushAsync();
        Assert.Equal([false], sink.DurableFlags);
    }

    [Fact]
    public async Task RecordAsync_DefaultDeliveryGuaranteed_WaitsForTheSink()
    {
        var sink = new ControlledSink();
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed), o => o.DefaultDelivery = AuditDelivery.Guaranteed);
        await kit.Trail.RecordAsync(AuditTestKit.Event(1));
        Assert.Single(sink.Records);
    }

    [Fact]
    public async Task RecordAsync_MustSucceedSinkKeepsFailing_GuaranteedCallerGetsAuditExceptionAndFailureIsLogged()
    {
        var sink = new ControlledSink { AlwaysFail = true };
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed), o => o.SinkRetryCount = 2);
        var ex = await Assert.ThrowsAsync<AuditException>(async () =>
            await kit.Trail.RecordAsync(AuditTestKit.Event(1) with { Delivery = AuditDelivery.Guaranteed }));
        Assert.Contains("ControlledSink", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1..1", ex.Message, StringComparison.Ordinal);
        Assert.IsType<IOException>(ex.InnerException);
        Assert.Equal(2, kit.Logs.Entries.Count(e => e.Id.Id == 5002));
        Assert.Single(kit.Logs.Entries, e => e.Id.Id == 5003);
    }

    [Fact]
    public async Task RecordAsync_TransientSinkFailure_RetriedAndDelivered()
    {
        var sink = new ControlledSink { FailuresLeft = 2 };
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed), o => o.SinkRetryCount = 3);
        await kit.Trail.RecordAsync(AuditTestKit.Event(1) with { Delivery = AuditDelivery.Guaranteed });
        Assert.Single(sink.Records);
        Assert.DoesNotContain(kit.Logs.Entries, e => e.Id.Id == 5003);
    }

    [Fact]
    public async Task RecordAsync_BestEffortSinkFails_CallerSucceedsAndMustSucceedSinkHasTheRecord()
    {
        var copy = new ControlledSink { AlwaysFail = true };
        var main = new InMemoryAuditSink();
        await using var kit = AuditTestKit.Create(b => b
            .AddBatchedAuditSink(main, AuditSinkPolicy.MustSucceed)
            .AddBatchedAuditSink(copy, AuditSinkPolicy.BestEffort));
        await kit.Trail.RecordAsync(AuditTestKit.Event(1) with { Delivery = AuditDelivery.Guaranteed });
        Assert.Single(main.Records);
        Assert.Single(kit.Logs.Entries, e => e.Id.Id == 5003 && e.Message.Contains("BestEffort", StringComparison.Ordinal));
        Assert.DoesNotContain(kit.Logs.Entries, e => e.Id.Id == 5002);
    }

    [Fact]
    public async Task RecordAsync_QueueFullWithFailPolicy_ThrowsAuditException()
    {
        var sink = new ControlledSink { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var kit = AuditTestKit.Create(
            b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed),
            o => { o.QueueCapacity = 2; o.MaxBatchSize = 1; o.FullQueuePolicy = AuditFullQueuePolicy.Fail; });
        await kit.Trail.RecordAsync(AuditTestKit.Event(1)); // taken by the writer, blocked in the sink
        await Task.Delay(50);
        await kit.Trail.RecordAsync(AuditTestKit.Event(2));
        await kit.Trail.RecordAsync(AuditTestKit.Event(3));
        var ex = await Assert.ThrowsAsync<AuditException>(async () => await kit.Trail.RecordAsync(AuditTestKit.Event(4)));
        Assert.Contains("FullQueuePolicy", ex.Message, StringComparison.Ordinal);
        sink.Gate.SetResult();
        await kit.Pipeline.FlushAsync();
        Assert.Equal([1L, 2L, 3L], sink.Records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task RecordAsync_QueueFullWithWaitPolicy_WaitsForSpace()
    {
        var sink = new ControlledSink { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var kit = AuditTestKit.Create(
            b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed),
            o => { o.QueueCapacity = 1; o.MaxBatchSize = 1; });
        await kit.Trail.RecordAsync(AuditTestKit.Event(1));
        await Task.Delay(50);
        await kit.Trail.RecordAsync(AuditTestKit.Event(2));
        var waiting = kit.Trail.RecordAsync(AuditTestKit.Event(3)).AsTask();
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        sink.Gate.SetResult();
        await waiting;
        await kit.Pipeline.FlushAsync();
        Assert.Equal(3, sink.Records.Count);
    }

    [Fact]
    public async Task RecordAsync_AfterDispose_ThrowsAuditException()
    {
        var kit = AuditTestKit.Create();
        var trail = kit.Trail;
        await kit.DisposeAsync();
        var ex = await Assert.ThrowsAsync<AuditException>(async () => await trail.RecordAsync(AuditTestKit.Event(1)));
        Assert.Contains("stopped", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordAsync_Null_ThrowsArgumentNullException()
    {
        await using var kit = AuditTestKit.Create();
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await kit.Trail.RecordAsync(null!));
    }

    [Fact]
    public async Task RecordAsync_NullItems_ThrowArgumentExceptionNamingTheProperty()
    {
        await using var kit = AuditTestKit.Create();
        var fields = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await kit.Trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.Updated, Fields = ["Email", null!] }));
        Assert.Contains("AuditEvent.Fields", fields.Message, StringComparison.Ordinal);
        var props = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await kit.Trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.Updated, Properties = new Dictionary<string, string> { ["k"] = null! } }));
        Assert.Contains("AuditEvent.Properties", props.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisposeAsync_BufferedEvents_AreAllWrittenFirst()
    {
        var sink = new InMemoryAuditSink();
        var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed));
        for (var i = 0; i < 500; i++)
        {
            await kit.Trail.RecordAsync(AuditTestKit.Event(i));
        }

        await kit.DisposeAsync();
        Assert.Equal(Enumerable.Range(1, 500).Select(i => (long)i), sink.Records.Select(r => r.Sequence));
    }

    [Fact]
    public async Task Pipeline_RestartOnSameSink_ContinuesTheChain()
    {
        var sink = new InMemoryAuditSink();
        await using (var first = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed)))
        {
            await first.Trail.RecordAsync(AuditTestKit.Event(1));
            await first.Trail.RecordAsync(AuditTestKit.Event(2));
        }

        await using var second = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed));
        await second.Trail.RecordAsync(AuditTestKit.Event(3) with { Delivery = AuditDelivery.Guaranteed });

        Assert.Equal([1L, 2L, 3L], sink.Records.Select(r => r.Sequence));
        Assert.Equal(sink.Records[1].Hash, sink.Records[2].PreviousHash);
        var result = await second.Provider.GetRequiredService<AuditChainVerifier>().VerifyAsync(sink);
        Assert.True(result.IsValid);
        Assert.Equal(3, result.Heads[AuditTestKit.InstanceId].Sequence);
        Assert.Single(second.Logs.Entries, e => e.Id.Id == 5004);
    }

    [Fact]
    public async Task FlushAsync_CheckpointSinks_ReceiveTheHead()
    {
        var checkpoints = new List<AuditCheckpoint>();
        var sink = new InMemoryAuditSink();
        await using var kit = AuditTestKit.Create(b => b
            .AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed)
            .AddAuditCheckpointSink(new DelegateCheckpointSink(checkpoints.Add)));
        await kit.Trail.RecordAsync(AuditTestKit.Event(1));
        await kit.Trail.RecordAsync(AuditTestKit.Event(2));
        await kit.Pipeline.FlushAsync();
        var last = sink.Records[^1];
        Assert.Equal(new AuditCheckpoint(AuditTestKit.InstanceId, 2, last.Hash, AuditTestKit.Start), Assert.Single(checkpoints));
        Assert.Equal(checkpoints[0], kit.Pipeline.GetCheckpoint());
    }

    [Fact]
    public async Task Pipeline_CheckpointInterval_TakesCheckpointsWithoutFlush()
    {
        var checkpoints = new List<AuditCheckpoint>();
        await using var kit = AuditTestKit.Create(
            b => b.AddBatchedAuditSink(new InMemoryAuditSink(), AuditSinkPolicy.MustSucceed).AddAuditCheckpointSink(new DelegateCheckpointSink(checkpoints.Add)),
            o => { o.CheckpointInterval = 1; o.DefaultDelivery = AuditDelivery.Guaranteed; });
        await kit.Trail.RecordAsync(AuditTestKit.Event(1));
        await kit.Trail.RecordAsync(AuditTestKit.Event(2));
        await Task.Delay(20);
        Assert.Equal([1L, 2L], checkpoints.Select(c => c.Sequence));
    }

    [Fact]
    public async Task Metrics_WrittenBatchesAndFailures_AreCounted()
    {
        var sink = new ControlledSink { FailuresLeft = 1 };
        await using var kit = AuditTestKit.Create(b => b.AddBatchedAuditSink(sink, AuditSinkPolicy.MustSucceed));
        var meter = kit.Pipeline.Metrics.Meter;
        var measured = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (ReferenceEquals(i.Meter, meter))
            {
                l.EnableMeasurementEvents(i);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => { lock (measured) { measured[i.Name] = measured.GetValueOrDefault(i.Name) + value; } });
        listener.SetMeasurementEventCallback<int>((i, value, _, _) => { lock (measured) { measured[i.Name] = value; } });
        listener.Start();

        for (var i = 0; i < 3; i++)
        {
            await kit.Trail.RecordAsync(AuditTestKit.Event(i) with { Delivery = AuditDelivery.Guaranteed });
        }

        listener.RecordObservableInstruments();
        Assert.Equal("PrivacyKit.Audit", meter.Name);
        Assert.Equal(3, measured["privacykit.audit.events.written"]);
        Assert.Equal(3, measured["privacykit.audit.batches"]);
        Assert.Equal(1, measured["privacykit.audit.failures"]);
        Assert.Equal(0, measured["privacykit.audit.queue.depth"]);
    }

    [Fact]
    public async Task Pipeline_NoSinkAdded_WritesToTheLogger()
    {
        await using var kit = AuditTestKit.Create();
        await kit.Trail.RecordAsync(AuditTestKit.Event(1) with { Delivery = AuditDelivery.Guaranteed });
        var entry = Assert.Single(kit.Logs.Entries, e => e.Id.Id == 5100);
        Assert.Equal("PrivacyKit.Audit", entry.Category);
        Assert.Contains("node-1#1", entry.Message, StringComparison.Ordinal);
        Assert.Contains("fields=Email,Phone", entry.Message, StringComparison.Ordinal);
        Assert.Single(kit.Logs.Entries, e => e.Id.Id == 5001); // development key warning
    }

    private sealed class DelegateCheckpointSink(Action<AuditCheckpoint> add) : IAuditCheckpointSink
    {
        public ValueTask WriteCheckpointAsync(AuditCheckpoint checkpoint, CancellationToken cancellationToken)
        {
            add(checkpoint);
            return ValueTask.CompletedTask;
        }
    }
}
