namespace PrivacyKit.EFCore.Stores;

/// <summary>One recertification of a role assignment. <see cref="Sequence"/> is the append order (database-generated).</summary>
/// <remarks>
/// A row of one of PrivacyKit's tables (see <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores"/>). It is public only
/// so that migrations and compiled models (<c>dotnet ef dbcontext optimize</c>) generated in the application's assembly
/// can reference it; read and write through PrivacyKit's store interfaces, never through this type.
/// </remarks>
public sealed class AccessReviewRow
{
    /// <summary>Gets or sets the position (database-generated append order).</summary>
    public long Sequence { get; set; }

    /// <summary>Gets or sets the record's id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Gets or sets the id of the reviewed assignment.</summary>
    public string AssignmentId { get; set; } = "";

    /// <summary>Gets or sets the id of the reviewer.</summary>
    public string ReviewerId { get; set; } = "";

    /// <summary>Gets or sets the decision (the value of <c>PrivacyKit.Access.AccessReviewDecision</c>).</summary>
    public int Decision { get; set; }

    /// <summary>Gets or sets when the decision was made.</summary>
    public DateTimeOffset ReviewedAt { get; set; }
}
