namespace PrivacyKit.Audit;

/// <summary>
/// One entry of a sink's storage in storage order, as the verifier reads it: a record, or an entry that
/// could not be read back (a torn line after a crash, a line that is not a record).
/// </summary>
public sealed class AuditStoredRecord
{
    /// <summary>Initializes a readable entry.</summary>
    /// <param name="record">The record.</param>
    /// <param name="location">Where it is stored, e.g. <c>audit-app1-20260101-0001.jsonl:17</c> or a row id.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public AuditStoredRecord(AuditRecord record, string location)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(location);
        Record = record;
        Location = location;
    }

    /// <summary>Initializes an entry that could not be read back.</summary>
    /// <param name="location">Where it is stored.</param>
    /// <param name="damage">What is wrong with it, without its content.</param>
    /// <param name="isTornTail"><see langword="true"/> when it is an incomplete last write (a crash mid-write), not a damaged record.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public AuditStoredRecord(string location, string damage, bool isTornTail)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(damage);
        Location = location;
        Damage = damage;
        IsTornTail = isTornTail;
    }

    /// <summary>Gets the record, or <see langword="null"/> when the entry could not be read.</summary>
    public AuditRecord? Record { get; }

    /// <summary>Gets where the entry is stored.</summary>
    public string Location { get; }

    /// <summary>Gets what is wrong with an unreadable entry, or <see langword="null"/>.</summary>
    public string? Damage { get; }

    /// <summary>Gets a value indicating whether the entry is an incomplete last write left by a crash.</summary>
    public bool IsTornTail { get; }
}
