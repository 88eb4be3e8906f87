namespace PrivacyKit.EFCore.Stores;

/// <summary>One legal hold; never deleted, only released.</summary>
/// <remarks>
/// A row of one of PrivacyKit's tables (see <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores"/>). It is public only
/// so that migrations and compiled models (<c>dotnet ef dbcontext optimize</c>) generated in the application's assembly
/// can reference it; read and write through PrivacyKit's store interfaces, never through this type.
/// </remarks>
public sealed class LegalHoldRow
{
    /// <summary>Gets or sets the id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Gets or sets the data subject's id.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>Gets or sets the non-personal reason.</summary>
    public string Reason { get; set; } = "";

    /// <summary>Gets or sets the entity names the hold covers, as a JSON array (empty: every entity).</summary>
    public string EntityTypes { get; set; } = "[]";

    /// <summary>Gets or sets when the hold was placed.</summary>
    public DateTimeOffset PlacedAt { get; set; }

    /// <summary>Gets or sets who placed the hold.</summary>
    public string PlacedBy { get; set; } = "";

    /// <summary>Gets or sets when the hold was released.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }
}
