namespace PrivacyKit.Audit;

/// <summary>The outcome of <see cref="AuditChainVerifier"/>: the chains found and the first problem in each.</summary>
public sealed class AuditVerificationResult
{
    internal AuditVerificationResult(IReadOnlyList<AuditVerificationIssue> issues, IReadOnlyDictionary<string, AuditCheckpoint> heads, long recordCount)
    {
        Issues = issues;
        Heads = heads;
        RecordCount = recordCount;
    }

    /// <summary>Gets a value indicating whether no chain has a problem. Torn writes left by a crash do not count.</summary>
    public bool IsValid => Issues.All(i => i.Kind == AuditIssueKind.TornWrite);

    /// <summary>Gets the problems found: the first one of each chain, and every torn write, in storage order.</summary>
    public IReadOnlyList<AuditVerificationIssue> Issues { get; }

    /// <summary>Gets the first problem that makes the trail invalid, or <see langword="null"/>.</summary>
    public AuditVerificationIssue? FirstIssue => Issues.FirstOrDefault(i => i.Kind != AuditIssueKind.TornWrite);

    /// <summary>Gets the last record verified in each chain, by instance id.</summary>
    public IReadOnlyDictionary<string, AuditCheckpoint> Heads { get; }

    /// <summary>Gets how many records were read.</summary>
    public long RecordCount { get; }
}
