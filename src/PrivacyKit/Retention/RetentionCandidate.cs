namespace PrivacyKit.Retention;

/// <summary>
/// One stored record offered to the <see cref="IRetentionPlanner"/>: which entity, its key, whose data
/// it is and the values of its timestamp properties. A storage adapter (EF Core) reads these from
/// the database; it may pre-filter rows with <see cref="RetentionPolicy.ExpiryCutoff"/>.
/// </summary>
public sealed record RetentionCandidate
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="entityType">The entity name (as in the data map).</param>
    /// <param name="key">The record's key, as text (composite keys joined by the adapter).</param>
    /// <param name="subjectId">The data subject the record belongs to, or <see langword="null"/> when it has none.</param>
    /// <param name="timestamps">The values of the record's timestamp properties by property name; <see langword="null"/> values never expire.</param>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="key"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/>, <paramref name="key"/> or <paramref name="timestamps"/> is <see langword="null"/>.</exception>
    public RetentionCandidate(string entityType, string key, string? subjectId, IReadOnlyDictionary<string, DateTimeOffset?> timestamps)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityType);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(timestamps);
        EntityType = entityType;
        Key = key;
        SubjectId = subjectId;
        Timestamps = timestamps;
    }

    /// <summary>Gets the entity name.</summary>
    public string EntityType { get; }

    /// <summary>Gets the record's key, as text.</summary>
    public string Key { get; }

    /// <summary>Gets the data subject the record belongs to, or <see langword="null"/>.</summary>
    public string? SubjectId { get; }

    /// <summary>Gets the values of the record's timestamp properties by property name.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset?> Timestamps { get; }
}
