namespace PrivacyKit.Retention;

/// <summary>
/// A legal hold on a data subject's data: while it is active, retention and erasure keep the data
/// it covers, and say so.
/// </summary>
public sealed record LegalHold
{
    /// <summary>Gets the hold's identifier.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the data subject whose data is held.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Gets the non-personal reason for the hold, e.g. a case or matter reference.</summary>
    public required string Reason { get; init; }

    /// <summary>
    /// Gets the entity types the hold covers (by entity name). Empty means every entity holding the
    /// subject's data.
    /// </summary>
    public IReadOnlyList<string> EntityTypes { get; init; } = [];

    /// <summary>Gets when the hold was placed.</summary>
    public required DateTimeOffset PlacedAt { get; init; }

    /// <summary>Gets who placed the hold.</summary>
    public required string PlacedBy { get; init; }

    /// <summary>Gets when the hold was released, or <see langword="null"/> while it is active.</summary>
    public DateTimeOffset? ReleasedAt { get; init; }

    /// <summary>Gets a value indicating whether the hold is active (not released).</summary>
    public bool IsActive => ReleasedAt is null;

    /// <summary>Returns whether the hold covers the given entity type.</summary>
    /// <param name="entityType">The entity name.</param>
    /// <returns><see langword="true"/> when the hold is active and covers the entity type.</returns>
    public bool Covers(string entityType) =>
        IsActive && (EntityTypes.Count == 0 || EntityTypes.Contains(entityType, StringComparer.Ordinal));
}
