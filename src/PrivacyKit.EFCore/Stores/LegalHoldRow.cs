namespace PrivacyKit.EFCore.Stores;

/// <summary>One legal hold; never deleted, only released.</summary>
internal sealed class LegalHoldRow
{
    public string Id { get; set; } = "";

    public string SubjectId { get; set; } = "";

    public string Reason { get; set; } = "";

    /// <summary>The entity names the hold covers, as a JSON array (empty: every entity).</summary>
    public string EntityTypes { get; set; } = "[]";

    public DateTimeOffset PlacedAt { get; set; }

    public string PlacedBy { get; set; } = "";

    public DateTimeOffset? ReleasedAt { get; set; }
}
