using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class AuditChainVerifierTests
{
    [Fact]
    public async Task VerifyAsync_TwoInterleavedInstanceChains_EachVerified()
    {
        var a = TestChain.Build(5, "node-a");
        var b = TestChain.Build(4, "node-b", seed: 100);
        var interleaved = a.Zip(b).SelectMany(p => new[] { p.First, p.Second }).Append(a[^1]).ToList();
        var result = await TestChain.Verifier().VerifyAsync(ListAuditReader.Of(interleaved));
        Assert.True(result.IsValid);
        Assert.Equal(5, result.Heads["node-a"].Sequence);
        Assert.Equal(4, result.Heads["node-b"].Sequence);
        Assert.Equal(9, result.RecordCount);
    }

    [Fact]
    public async Task VerifyAsync_ProblemInOneChain_OtherChainStillReportedValid()
    {
        var a = TestChain.Build(5, "node-a");
        var b = TestChain.Build(5, "node-b");
        a.RemoveAt(2);
        var result = await TestChain.Verifier().VerifyAsync(ListAuditReader.Of(a.Concat(b)));
        var issue = Assert.Single(result.Issues);
        Assert.Equal("node-a", issue.InstanceId);
        Assert.Equal(AuditIssueKind.Removed, issue.Kind);
        Assert.Equal(3, issue.Sequence);
        Assert.Equal(5, result.Heads["node-b"].Sequence);
    }

    [Fact]
    public async Task VerifyAsync_DuplicatedGenuineRecord_ReportedAsInserted()
    {
        var records = TestChain.Build(6);
        records.Insert(4, records[1]);
        var issue = (await TestChain.Verifier().VerifyAsync(ListAuditReader.Of(records))).FirstIssue;
        Assert.Equal(AuditIssueKind.Inserted, issue!.Kind);
        Assert.Equal(4, issue.Position);
        Assert.Equal("row:4", issue.Location);
    }

    [Fact]
    public async Task VerifyAsync_CheckpointHashDiffers_ReportsCheckpointMismatch()
    {
        var records = TestChain.Build(4);
        var forged = new AuditCheckpoint(AuditTestKit.InstanceId, 3, new string('e', 64), AuditTestKit.Start);
        var issue = (await TestChain.Verifier().VerifyAsync(ListAuditReader.Of(records), [forged])).FirstIssue;
        Assert.Equal(AuditIssueKind.CheckpointMismatch, issue!.Kind);
        Assert.Equal(3, issue.Sequence);
    }

    [Fact]
    public async Task VerifyAsync_WholeChainMissingButCheckpointKept_ReportsTruncatedTail()
    {
        var checkpoint = new AuditCheckpoint("node-gone", 10, new string('a', 64), AuditTestKit.Start);
        var issue = (await TestChain.Verifier().VerifyAsync(ListAuditReader.Of(TestChain.Build(2)), [checkpoint])).FirstIssue;
        Assert.Equal(AuditIssueKind.TruncatedTail, issue!.Kind);
        Assert.Equal("node-gone", issue.InstanceId);
        Assert.Equal(1, issue.Sequence);
    }

    [Fact]
    public async Task VerifyAsync_HashFieldNotHex_ReportedAsAltered()
    {
        var records = TestChain.Build(3);
        var r = records[1];
        records[1] = new AuditRecord { InstanceId = r.InstanceId, Sequence = r.Sequence, KeyId = r.KeyId, PreviousHash = r.PreviousHash, Hash = r.Hash.ToUpperInvariant(), Event = r.Event };
        var issue = (await TestChain.Verifier().VerifyAsync(ListAuditReader.Of(records))).FirstIssue;
        Assert.Equal(AuditIssueKind.Altered, issue!.Kind);
        Assert.Equal(1, issue.Position);
    }

    [Fact]
    public async Task VerifyAsync_TornEntryOnly_IsValidButReported()
    {
        var entries = TestChain.Build(2).Select((r, i) => new AuditStoredRecord(r, $"f:{i + 1}")).Append(new AuditStoredRecord("f:3", "torn", isTornTail: true)).ToList();
        var result = await TestChain.Verifier().VerifyAsync(new ListAuditReader(entries));
        Assert.True(result.IsValid);
        Assert.Null(result.FirstIssue);
        Assert.Equal(AuditIssueKind.TornWrite, Assert.Single(result.Issues).Kind);
    }

    [Fact]
    public async Task VerifyAsync_NullReader_ThrowsArgumentNullException() =>
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await TestChain.Verifier().VerifyAsync(null!));

    [Fact]
    public void Constructor_NullKeys_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => new AuditChainVerifier(null!));
}
