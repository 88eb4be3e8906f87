namespace PrivacyKit.Access;

/// <summary>Who holds which role, granted by whom and when, expiry, last use and flags, for a periodic access review.</summary>
public sealed record AccessReviewReport
{
    /// <summary>Gets when the report was made.</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Gets the version of the role definitions the report was made with.</summary>
    public required long PolicyVersion { get; init; }

    /// <summary>Gets the threshold after which an assignment counts as unused.</summary>
    public required TimeSpan UnusedAfter { get; init; }

    /// <summary>Gets one entry per assignment, revoked and expired ones included, ordered by holder and role.</summary>
    public required IReadOnlyList<AccessReviewEntry> Entries { get; init; }
}
