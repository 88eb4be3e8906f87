using FsCheck;
using FsCheck.Xunit;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Audit;

public sealed class AuditChainVerifierProperties
{
    [Property(MaxTest = 200)]
    public bool AnyAlteredRecord_IsNamedAtItsPosition(PositiveInt length, NonNegativeInt at, byte field)
    {
        var records = TestChain.Build(Math.Min(length.Get, 40) + 1);
        var i = at.Get % records.Count;
        var e = records[i].Event;
        var altered = (field % 6) switch
        {
            0 => e with { Action = e.Action + "x" },
            1 => e with { SubjectId = "someone-else" },
            2 => e with { Fields = [.. e.Fields, "Salary"] },
            3 => e with { Timestamp = e.Timestamp.AddTicks(1) },
            4 => e with { Outcome = AuditOutcome.Denied },
            _ => e with { Properties = new Dictionary<string, string> { ["requestId"] = "forged" } },
        };
        records[i] = new AuditRecord
        {
            InstanceId = records[i].InstanceId, Sequence = records[i].Sequence, KeyId = records[i].KeyId,
            PreviousHash = records[i].PreviousHash, Hash = records[i].Hash, Event = altered,
        };

        return FirstIssueIs(records, AuditIssueKind.Altered, i, i + 1);
    }

    [Property(MaxTest = 200)]
    public bool AnyRemovedRecord_IsNamedAtItsPosition(PositiveInt length, NonNegativeInt at)
    {
        var records = TestChain.Build(Math.Min(length.Get, 40) + 1);
        var checkpoint = Checkpoint(records[^1]);
        var i = at.Get % records.Count;
        records.RemoveAt(i);
        return i == records.Count
            ? FirstIssueIs(records, AuditIssueKind.TruncatedTail, -1, i + 1, checkpoint)
            : FirstIssueIs(records, AuditIssueKind.Removed, i, i + 1, checkpoint);
    }

    [Property(MaxTest = 200)]
    public bool AnyInsertedForgedRecord_IsNamedAtItsPosition(PositiveInt length, NonNegativeInt at, int forgedSequence)
    {
        var records = TestChain.Build(Math.Min(length.Get, 40) + 1);
        var i = at.Get % (records.Count + 1);
        var forged = new AuditRecord
        {
            InstanceId = AuditTestKit.InstanceId,
            Sequence = forgedSequence,
            KeyId = records[0].KeyId,
            PreviousHash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            Hash = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            Event = AuditTestKit.Event(1000),
        };
        records.Insert(i, forged);
        return FirstIssueIs(records, AuditIssueKind.Inserted, i, i + 1);
    }

    [Property(MaxTest = 200)]
    public bool AnySwap_IsNamedAtTheEarlierPosition(PositiveInt length, NonNegativeInt a, NonNegativeInt b)
    {
        var records = TestChain.Build(Math.Min(length.Get, 40) + 2);
        var i = a.Get % records.Count;
        var j = b.Get % records.Count;
        if (i == j)
        {
            j = (i + 1) % records.Count;
        }

        (records[i], records[j]) = (records[j], records[i]);
        var first = Math.Min(i, j);
        return FirstIssueIs(records, AuditIssueKind.Reordered, first, first + 1);
    }

    [Property(MaxTest = 100)]
    public bool UntouchedChain_IsValid(PositiveInt length)
    {
        var records = TestChain.Build(Math.Min(length.Get, 60));
        var result = Verify(records, Checkpoint(records[^1]));
        return result.IsValid && result.Issues.Count == 0 && result.Heads[AuditTestKit.InstanceId].Sequence == records.Count;
    }

    private static AuditCheckpoint Checkpoint(AuditRecord r) => new(r.InstanceId, r.Sequence, r.Hash, r.Event.Timestamp);

    private static AuditVerificationResult Verify(List<AuditRecord> records, AuditCheckpoint? checkpoint = null) =>
        TestChain.Verifier().VerifyAsync(ListAuditReader.Of(records), checkpoint is null ? null : [checkpoint]).AsTask().GetAwaiter().GetResult();

    private static bool FirstIssueIs(List<AuditRecord> records, AuditIssueKind kind, long position, long sequence, AuditCheckpoint? checkpoint = null)
    {
        var issue = Verify(records, checkpoint).FirstIssue;
        return issue is not null && issue.Kind == kind && issue.Position == position && issue.Sequence == sequence;
    }
}
