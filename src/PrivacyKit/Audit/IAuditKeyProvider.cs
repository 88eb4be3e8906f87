namespace PrivacyKit.Audit;

/// <summary>
/// Supplies the keys of the audit trail: the key that signs the hash chain (HMAC-SHA256) and the separate
/// key for keyed hashes of changed values. The default reads <see cref="AuditOptions"/>; an application can
/// register its own, e.g. one that derives the keys from its key hierarchy or a secret store.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe; keys are read once at start-up and when verifying. Keys are at least
/// 32 bytes. <see cref="GetChainKey"/> throws <see cref="AuditException"/> for a key id it does not know.
/// </remarks>
public interface IAuditKeyProvider
{
    /// <summary>Gets the id of the key that signs new records.</summary>
    string CurrentChainKeyId { get; }

    /// <summary>Gets a chain key by id (the current one, or an older one to verify older records).</summary>
    /// <param name="keyId">The key id from a record.</param>
    /// <returns>The key bytes.</returns>
    /// <exception cref="AuditException">No key has that id.</exception>
    ReadOnlyMemory<byte> GetChainKey(string keyId);

    /// <summary>Gets the id of the key for keyed hashes of values.</summary>
    string ValueHashKeyId { get; }

    /// <summary>Gets the key for keyed hashes of values; never the chain key.</summary>
    /// <returns>The key bytes.</returns>
    ReadOnlyMemory<byte> GetValueHashKey();
}
