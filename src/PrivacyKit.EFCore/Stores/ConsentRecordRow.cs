namespace PrivacyKit.EFCore.Stores;

/// <summary>One appended consent record. <see cref="Sequence"/> is the append order (database-generated).</summary>
internal sealed class ConsentRecordRow
{
    public long Sequence { get; set; }

    public string Id { get; set; } = "";

    public string SubjectId { get; set; } = "";

    public string? PurposeId { get; set; }

    public int Kind { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public string? PolicyVersion { get; set; }

    public string? PolicyTextHash { get; set; }

    public int Source { get; set; }

    public string? ProofReference { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }
}
