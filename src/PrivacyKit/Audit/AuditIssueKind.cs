namespace PrivacyKit.Audit;

/// <summary>What the <see cref="AuditChainVerifier"/> found wrong with a chain.</summary>
public enum AuditIssueKind
{
    /// <summary>A record's content does not match its HMAC, or the entry cannot be read as a record.</summary>
    Altered = 1,

    /// <summary>One or more records are missing from the chain at this point.</summary>
    Removed = 2,

    /// <summary>A record that does not belong to the chain (forged or duplicated) was put at this point.</summary>
    Inserted = 3,

    /// <summary>A record of the chain is stored out of order at this point.</summary>
    Reordered = 4,

    /// <summary>Records a checkpoint vouches for are missing from the end of the chain.</summary>
    TruncatedTail = 5,

    /// <summary>A record at a checkpoint's sequence does not have the checkpoint's hash (the chain was rebuilt).</summary>
    CheckpointMismatch = 6,

    /// <summary>An incomplete last write left by a crash; the records before it are intact.</summary>
    TornWrite = 7,

    /// <summary>A record is signed with a key id the key provider does not know.</summary>
    UnknownKey = 8,
}
