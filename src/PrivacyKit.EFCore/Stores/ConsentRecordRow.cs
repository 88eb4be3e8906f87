namespace PrivacyKit.EFCore.Stores;

/// <summary>One appended consent record. <see cref="Sequence"/> is the append order (database-generated).</summary>
/// <remarks>
/// A row of one of PrivacyKit's tables (see <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores"/>). It is public only
/// so that migrations and compiled models (<c>dotnet ef dbcontext optimize</c>) generated in the application's assembly
/// can reference it; read and write through PrivacyKit's store interfaces, never through this type.
/// </remarks>
public sealed class ConsentRecordRow
{
    /// <summary>Gets or sets the position (database-generated append order, or the history position).</summary>
    public long Sequence { get; set; }

    /// <summary>Gets or sets the id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Gets or sets the data subject's id.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>Gets or sets the purpose id, if any.</summary>
    public string? PurposeId { get; set; }

    /// <summary>Gets or sets the kind (the core enum's value).</summary>
    public int Kind { get; set; }

    /// <summary>Gets or sets when it happened.</summary>
    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>Gets or sets the policy version.</summary>
    public string? PolicyVersion { get; set; }

    /// <summary>Gets or sets the hash of the policy text.</summary>
    public string? PolicyTextHash { get; set; }

    /// <summary>Gets or sets how the event arrived (the core enum's value).</summary>
    public int Source { get; set; }

    /// <summary>Gets or sets the reference to the proof kept elsewhere.</summary>
    public string? ProofReference { get; set; }

    /// <summary>Gets or sets when the grant lapses.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
