namespace PrivacyKit.Audit;

/// <summary>One problem the <see cref="AuditChainVerifier"/> found.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="InstanceId">The chain it is in, or <see langword="null"/> for an entry that cannot be read.</param>
/// <param name="Position">The zero-based position of the entry in the storage order the reader returned, or -1 at the end of a chain.</param>
/// <param name="Sequence">The sequence number the chain expected at that point.</param>
/// <param name="Location">Where the entry is stored (file and line, row id), or <see langword="null"/>.</param>
/// <param name="Message">What was found, without record content.</param>
public sealed record AuditVerificationIssue(
    AuditIssueKind Kind,
    string? InstanceId,
    long Position,
    long Sequence,
    string? Location,
    string Message);
