namespace PrivacyKit.Access;

/// <summary>One line of an <see cref="AccessReviewReport"/>: an assignment and what a reviewer should notice about it.</summary>
public sealed record AccessReviewEntry
{
    /// <summary>Gets the assignment (holder, role, granted by and at, validity, revocation, last use).</summary>
    public required RoleAssignment Assignment { get; init; }

    /// <summary>Gets a value indicating whether the assignment has expired.</summary>
    public bool IsExpired { get; init; }

    /// <summary>Gets a value indicating whether the assignment was revoked.</summary>
    public bool IsRevoked { get; init; }

    /// <summary>Gets a value indicating whether the assignment has not started yet.</summary>
    public bool IsPending { get; init; }

    /// <summary>Gets a value indicating whether the active assignment has not granted anything for longer than <see cref="AccessControlOptions.UnusedAfter"/>.</summary>
    public bool IsUnused { get; init; }

    /// <summary>Gets a value indicating whether the role is no longer defined (the assignment grants nothing).</summary>
    public bool IsUnknownRole { get; init; }

    /// <summary>Gets the other roles the holder actively holds that are declared conflicting with this one; empty when none.</summary>
    public IReadOnlyList<string> ConflictsWith { get; init; } = [];

    /// <summary>Gets the assignment's latest recertification, if any.</summary>
    public AccessReviewRecord? LastReview { get; init; }

    /// <summary>Gets a value indicating whether a reviewer should look at the assignment: active and unused, conflicting, or of an unknown role.</summary>
    public bool NeedsAttention => !IsRevoked && !IsExpired && (IsUnused || ConflictsWith.Count > 0 || IsUnknownRole);
}
