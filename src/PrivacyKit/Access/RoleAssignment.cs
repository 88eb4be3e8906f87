namespace PrivacyKit.Access;

/// <summary>
/// A role held by an actor: who granted it and when, the period it is valid for, and whether it was
/// revoked. Assignments are never deleted, only revoked, so the access review can show their history.
/// </summary>
public sealed record RoleAssignment
{
    /// <summary>Gets the assignment's unique id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the id of the actor holding the role.</summary>
    public required string ActorId { get; init; }

    /// <summary>Gets the role's name.</summary>
    public required string Role { get; init; }

    /// <summary>Gets the id of the actor who granted the role.</summary>
    public required string GrantedBy { get; init; }

    /// <summary>Gets when the role was granted.</summary>
    public required DateTimeOffset GrantedAt { get; init; }

    /// <summary>Gets when the role starts to count, or <see langword="null"/> for at once.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>Gets when the role stops counting, or <see langword="null"/> for never.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Gets when the role was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>Gets the id of the actor who revoked the role, if it was.</summary>
    public string? RevokedBy { get; init; }

    /// <summary>Gets when the role last granted an access decision, as far as recorded.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>Determines whether the role counts at <paramref name="now"/>: started, not expired and not revoked.</summary>
    /// <param name="now">The time to check.</param>
    /// <returns><see langword="true"/> when the assignment grants its role at <paramref name="now"/>.</returns>
    public bool IsActiveAt(DateTimeOffset now) =>
        RevokedAt is null && (StartsAt is null || StartsAt <= now) && (ExpiresAt is null || now < ExpiresAt);
}
