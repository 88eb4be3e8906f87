namespace PrivacyKit.Access;

/// <summary>A request to grant a role to an actor, for <see cref="IRoleManager.GrantAsync"/>.</summary>
public sealed record RoleGrantRequest
{
    /// <summary>Gets the id of the actor to receive the role.</summary>
    public required string ActorId { get; init; }

    /// <summary>Gets the role's name; it must be defined.</summary>
    public required string Role { get; init; }

    /// <summary>Gets the id of the actor granting the role; it must differ from <see cref="ActorId"/>.</summary>
    public required string GrantedBy { get; init; }

    /// <summary>Gets when the role starts to count, or <see langword="null"/> for at once.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>Gets when the role stops counting, or <see langword="null"/> for never (time-bound grants set it).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
