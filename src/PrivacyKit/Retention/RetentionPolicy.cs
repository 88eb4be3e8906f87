namespace PrivacyKit.Retention;

/// <summary>
/// A retention rule: data of an entity (or one of its fields) is kept for <see cref="Period"/>
/// counted from the timestamp property <see cref="From"/>, then <see cref="Action"/> applies.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>Gets the entity name (as in the data map).</summary>
    public required string EntityType { get; init; }

    /// <summary>Gets the field the rule applies to, or <see langword="null"/> for the whole record.</summary>
    public string? Property { get; init; }

    /// <summary>Gets how long the data is kept.</summary>
    public required IsoDuration Period { get; init; }

    /// <summary>Gets the name of the timestamp property the period counts from.</summary>
    public required string From { get; init; }

    /// <summary>Gets what happens when the period has run out.</summary>
    public required RetentionAction Action { get; init; }

    /// <summary>Gets where the rule was declared.</summary>
    public RetentionPolicySource Source { get; init; } = RetentionPolicySource.Attribute;

    /// <summary>Returns when data stamped at <paramref name="timestamp"/> expires under this rule.</summary>
    /// <param name="timestamp">The value of the <see cref="From"/> property.</param>
    /// <returns>The first instant at which the data has expired. Calendar arithmetic is done in UTC.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The result is outside the range of <see cref="DateTimeOffset"/>.</exception>
    public DateTimeOffset ExpiresAt(DateTimeOffset timestamp) => Period.AddTo(timestamp.ToUniversalTime());

    /// <summary>
    /// Returns the latest <see cref="From"/> value that has expired at <paramref name="asOf"/>, so a storage
    /// adapter can select candidate rows with <c>From &lt;= cutoff</c>: every expired row is selected, and
    /// perhaps a few from the last days of a month that have not expired yet, which the planner then
    /// leaves out. Calendar arithmetic is done in UTC.
    /// </summary>
    /// <param name="asOf">The instant to plan for.</param>
    /// <returns>The cutoff, or <see langword="null"/> when nothing can have expired yet.</returns>
    public DateTimeOffset? ExpiryCutoff(DateTimeOffset asOf) => Period.LatestStartEndingBy(asOf.ToUniversalTime());
}
