namespace PrivacyKit.Audit;

/// <summary>
/// An <see cref="AuditEvent"/> as stored: placed in its instance's hash chain with a sequence number,
/// the previous record's hash and its own HMAC-SHA256. The byte-exact encoding the HMAC covers is
/// documented in <c>docs/audit-format.md</c>.
/// </summary>
public sealed class AuditRecord
{
    /// <summary>Gets the instance whose chain holds the record (<see cref="PrivacyKitOptions.InstanceId"/>).</summary>
    public required string InstanceId { get; init; }

    /// <summary>Gets the position in the instance's chain, starting at 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets the identifier of the key the HMAC was made with.</summary>
    public required string KeyId { get; init; }

    /// <summary>Gets the hash of the previous record of the chain as 64 lower-case hex digits (zeros for the first record).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>Gets this record's HMAC-SHA256 over its canonical encoding, as 64 lower-case hex digits.</summary>
    public required string Hash { get; init; }

    /// <summary>Gets the event, with the time, actor and correlation id the pipeline filled in.</summary>
    public required AuditEvent Event { get; init; }
}
