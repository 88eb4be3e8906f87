namespace PrivacyKit.EFCore.Stores;

/// <summary>One role assignment with its revocation and last use; never deleted, only revoked.</summary>
/// <remarks>
/// A row of one of PrivacyKit's tables (see <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores"/>). It is public only
/// so that migrations and compiled models (<c>dotnet ef dbcontext optimize</c>) generated in the application's assembly
/// can reference it; read and write through PrivacyKit's store interfaces, never through this type.
/// </remarks>
public sealed class RoleAssignmentRow
{
    /// <summary>Gets or sets the assignment's id.</summary>
    public string Id { get; set; } = "";

    /// <summary>Gets or sets the id of the actor holding the role.</summary>
    public string ActorId { get; set; } = "";

    /// <summary>Gets or sets the role's name.</summary>
    public string Role { get; set; } = "";

    /// <summary>Gets or sets the id of the actor who granted the role.</summary>
    public string GrantedBy { get; set; } = "";

    /// <summary>Gets or sets when the role was granted.</summary>
    public DateTimeOffset GrantedAt { get; set; }

    /// <summary>Gets or sets when the role starts to count, if not at once.</summary>
    public DateTimeOffset? StartsAt { get; set; }

    /// <summary>Gets or sets when the role stops counting, if ever.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>Gets or sets when the role was revoked.</summary>
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Gets or sets the id of the actor who revoked the role.</summary>
    public string? RevokedBy { get; set; }

    /// <summary>Gets or sets when the role last granted an access decision, as far as recorded.</summary>
    public DateTimeOffset? LastUsedAt { get; set; }
}
