using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class JsonLinesAuditSinkTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string Dir => _temp.Path;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task WriteBatch_RecordsReadBack_EqualAndChainValid()
    {
        await using var kit = Kit();
        for (var i = 0; i < 20; i++)
        {
            await kit.Trail.RecordAsync(AuditTestKit.Event(i));
        }

        await kit.Pipeline.FlushAsync();
        var reader = kit.Provider.GetRequiredService<IAuditReader>();
        var records = await reader.QueryAsync(AuditQuery.All).ToListAsync();
        Assert.Equal(20, records.Count);
        Assert.Equal(AuditCanonicalEncodingTests.Encode(AuditTestKit.Event(7)), AuditCanonicalEncodingTests.Encode(records[7].Event));
        var result = await Verifier(kit).VerifyAsync(reader);
        Assert.True(result.IsValid);
        Assert.Empty(result.Issues);
        Assert.Equal(20, result.RecordCount);
    }

    [Fact]
    public async Task QueryAsync_BySubjectActorAndTimeRange_ReturnsOnlyMatches()
    {
        await using var kit = Kit();
        for (var i = 0; i < 30; i++)
        {
            await kit.Trail.RecordAsync(AuditTestKit.Event(i));
        }

        await kit.Pipeline.FlushAsync();
        var reader = kit.Provider.GetRequiredService<IAuditReader>();
        var bySubject = await reader.QueryAsync(new AuditQuery { SubjectId = "cust-3" }).ToListAsync();
        var byActor = await reader.QueryAsync(new AuditQuery { ActorId = "user-2", InstanceId = AuditTestKit.InstanceId }).ToListAsync();
        var byTime = await reader.QueryAsync(new AuditQuery { From = AuditTestKit.Start.AddSeconds(10), To = AuditTestKit.Start.AddSeconds(15) }).ToListAsync();
        var otherInstance = await reader.QueryAsync(new AuditQuery { InstanceId = "node-2" }).ToListAsync();

        Assert.Equal([3, 14, 25], bySubject.Select(r => int.Parse(r.Event.ResourceId![1..])));
        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 5 == 2), byActor.Select(r => int.Parse(r.Event.ResourceId![1..])));
        Assert.Equal([10, 11, 12, 13, 14], byTime.Select(r => int.Parse(r.Event.ResourceId![1..])));
        Assert.Empty(otherInstance);
    }

    [Fact]
    public async Task WriteBatch_PastMaxSize_RollsToANewFileAndChainSpansFiles()
    {
        await using var kit = Kit(o => o.MaxFileSizeBytes = 4096);
        for (var i = 0; i < 60; i++)
        {
            await kit.Trail.RecordAsync(AuditTestKit.Event(i) with { Delivery = AuditDelivery.Guaranteed });
        }

        var files = Directory.GetFiles(Dir, "*.jsonl").Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count > 2);
        Assert.All(files, f => Assert.True(new FileInfo(f).Length <= 4096 + 600));
        Assert.EndsWith("-node-1-20260301-000001.jsonl", files[0], StringComparison.Ordinal);
        var result = await Verifier(kit).VerifyAsync(kit.Provider.GetRequiredService<IAuditReader>());
        Assert.True(result.IsValid);
        Assert.Equal(60, result.Heads[AuditTestKit.InstanceId].Sequence);
    }

    [Fact]
    public async Task WriteBatch_NextUtcDay_StartsANewFile()
    {
        await using var kit = Kit();
        await kit.Trail.RecordAsync(AuditTestKit.Event(1) with { Delivery = AuditDelivery.Guaranteed });
        kit.Time.Advance(TimeSpan.FromDays(1));
        await kit.Trail.RecordAsync(AuditTestKit.Event(2) with { Delivery = AuditDelivery.Guaranteed });
        var names = Directory.GetFiles(Dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["audit-node-1-20260301-000001.jsonl", "audit-node-1-20260302-000001.jsonl"], names);
    }

    [Fact]
    public async Task Restart_SameDirectory_ContinuesTheChainInTheSameFile()
    {
        await using (var first = Kit())
        {
            await first.Trail.RecordAsync(AuditTestKit.Event(1));
            await first.Trail.RecordAsync(AuditTestKit.Event(2));
        }

        await using var second = Kit();
        await second.Trail.RecordAsync(AuditTestKit.Event(3) with { Delivery = AuditDelivery.Guaranteed });
        Assert.Single(Directory.GetFiles(Dir));
        var result = await Verifier(second).VerifyAsync(second.Provider.GetRequiredService<IAuditReader>());
        Assert.True(result.IsValid);
        Assert.Equal(3, result.Heads[AuditTestKit.InstanceId].Sequence);
    }

    [Fact]
    public async Task Crash_TornLastLine_ReportedEarlierRecordsValidAndRestartContinues()
    {
        var acknowledged = new List<string>();
        await using (var first = Kit())
        {
            for (var i = 0; i < 10; i++)
            {
                var e = AuditTestKit.Event(i) with { Delivery = AuditDelivery.Guaranteed };
                await first.Trail.RecordAsync(e);
                acknowledged.Add(e.ResourceId!);
            }
        }

        // The process died while writing record 11: half a line reached the disk.
        var file = Directory.GetFiles(Dir).Single();
        var line = File.ReadLines(file).Last();
        await File.AppendAllTextAsync(file, line.Replace("\"seq\":10", "\"seq\":11", StringComparison.Ordinal)[..(line.Length / 2)]);

        await using var second = Kit();
        for (var i = 10; i < 15; i++)
        {
            var e = AuditTestKit.Event(i) with { Delivery = AuditDelivery.Guaranteed };
            await second.Trail.RecordAsync(e);
            acknowledged.Add(e.ResourceId!);
        }

        var reader = second.Provider.GetRequiredService<IAuditReader>();
        var result = await Verifier(second).VerifyAsync(reader);
        Assert.True(result.IsValid);
        var torn = Assert.Single(result.Issues);
        Assert.Equal(AuditIssueKind.TornWrite, torn.Kind);
        Assert.Equal(Path.GetFileName(file) + ":11", torn.Location);
        Assert.Equal(15, result.Heads[AuditTestKit.InstanceId].Sequence);
        Assert.Equal(2, Directory.GetFiles(Dir).Length);
        Assert.Single(second.Logs.Entries, e => e.Id.Id == 5007);
        var stored = await reader.QueryAsync(AuditQuery.All).Select(r => r.Event.ResourceId!).ToListAsync();
        Assert.Equal(acknowledged, stored);
    }

    [Fact]
    public async Task Crash_SinkFailsMidBatch_RetryWritesEachRecordOnceAndNothingAcknowledgedIsMissing()
    {
        await using var kit = Kit();
        await kit.Trail.RecordAsync(AuditTestKit.Event(0) with { Delivery = AuditDelivery.Guaranteed });
        var sink = (JsonLinesAuditSink)kit.Pipeline.Sinks[0].Sink;
        sink.FailNextWriteAfterBytes = 700; // about one and a half records of the next batch
        var tasks = Enumerable.Range(1, 5).Select(i => kit.Trail.RecordAsync(AuditTestKit.Event(i) with { Delivery = AuditDelivery.Guaranteed }).AsTask()).ToList();
        await Task.WhenAll(tasks);

        var reader = kit.Provider.GetRequiredService<IAuditReader>();
        var result = await Verifier(kit).VerifyAsync(reader);
        Assert.True(result.IsValid);
        Assert.Equal(AuditIssueKind.TornWrite, Assert.Single(result.Issues).Kind);
        var stored = await reader.QueryAsync(AuditQuery.All).Select(r => r.Sequence).ToListAsync();
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], stored);
        Assert.Contains(kit.Logs.Entries, e => e.Id.Id == 5002);
    }

    [Fact]
    public async Task Verify_LineEditedInFile_NamesFileAndLine()
    {
        await using var kit = Kit();
        for (var i = 0; i < 5; i++)
        {
            await kit.Trail.RecordAsync(AuditTestKit.Event(i));
        }

        await kit.Pipeline.FlushAsync();
        var file = Directory.GetFiles(Dir).Single();
        var lines = File.ReadAllLines(file);
        lines[2] = lines[2].Replace("\"outcome\":0", "\"outcome\":1", StringComparison.Ordinal);
        File.WriteAllText(file, string.Join('\n', lines) + "\n");

        var issue = (await Verifier(kit).VerifyAsync(kit.Provider.GetRequiredService<IAuditReader>())).FirstIssue;
        Assert.NotNull(issue);
        Assert.Equal(AuditIssueKind.Altered, issue.Kind);
        Assert.Equal(3, issue.Sequence);
        Assert.Equal(Path.GetFileName(file) + ":3", issue.Location);
    }

    [Fact]
    public async Task Verify_GarbageLineInTheMiddle_ReportedAsAltered()
    {
        await using var kit = Kit();
        await kit.Trail.RecordAsync(AuditTestKit.Event(1));
        await kit.Pipeline.FlushAsync();
        var file = Directory.GetFiles(Dir).Single();
        await File.AppendAllTextAsync(file, "{\"v\":1,\"note\":\"x\"}\n");
        var issue = (await Verifier(kit).VerifyAsync(kit.Provider.GetRequiredService<IAuditReader>())).FirstIssue;
        Assert.Equal(AuditIssueKind.Altered, issue!.Kind);
        Assert.Contains("unexpected property", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddJsonLinesAuditSink_BadOptions_ThrowArgumentException()
    {
        var builder = new ServiceCollection().AddPrivacyKit();
        Assert.Throws<ArgumentException>(() => builder.AddJsonLinesAuditSink(" "));
        var prefix = Assert.Throws<ArgumentException>(() => builder.AddJsonLinesAuditSink(Dir, o => o.FilePrefix = "a-b"));
        Assert.Contains("FilePrefix", prefix.Message, StringComparison.Ordinal);
        var size = Assert.Throws<ArgumentException>(() => builder.AddJsonLinesAuditSink(Dir, o => o.MaxFileSizeBytes = 10));
        Assert.Contains("MaxFileSizeBytes", size.Message, StringComparison.Ordinal);
    }

    private AuditTestKit Kit(Action<JsonLinesAuditSinkOptions>? file = null) =>
        AuditTestKit.Create(b => b.AddJsonLinesAuditSink(Dir, file));

    private static AuditChainVerifier Verifier(AuditTestKit kit) => kit.Provider.GetRequiredService<AuditChainVerifier>();
}
