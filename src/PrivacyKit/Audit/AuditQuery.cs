namespace PrivacyKit.Audit;

/// <summary>
/// Selects audit records from an <see cref="IAuditReader"/>. Every criterion left <see langword="null"/>
/// matches all records; set criteria must all match.
/// </summary>
public sealed record AuditQuery
{
    /// <summary>Gets a query that matches every record.</summary>
    public static AuditQuery All { get; } = new();

    /// <summary>Gets the data subject whose records are wanted (the subject's own access history).</summary>
    public string? SubjectId { get; init; }

    /// <summary>Gets the actor whose records are wanted.</summary>
    public string? ActorId { get; init; }

    /// <summary>Gets the instance whose chain is wanted.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Gets the earliest event time wanted (inclusive).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Gets the latest event time wanted (exclusive).</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Tells whether a record matches the query. Readers that cannot translate the query use it.</summary>
    /// <param name="record">The record.</param>
    /// <returns><see langword="true"/> when every set criterion matches.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public bool Matches(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Event;
        return (SubjectId is null || string.Equals(SubjectId, e.SubjectId, StringComparison.Ordinal))
            && (ActorId is null || string.Equals(ActorId, e.ActorId, StringComparison.Ordinal))
            && (InstanceId is null || string.Equals(InstanceId, record.InstanceId, StringComparison.Ordinal))
            && (From is null || e.Timestamp >= From.Value)
            && (To is null || e.Timestamp < To.Value);
    }
}
