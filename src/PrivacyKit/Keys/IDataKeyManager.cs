namespace PrivacyKit.Keys;

/// <summary>
/// Operates on data keys: crypto-shredding, rotation of a scope's data key, re-wrapping every data key
/// after the key-encryption key was rotated, and the inventory of stored keys. Every operation is
/// recorded as an <see cref="Audit.AuditEventKind.KeyOperation"/> audit event when an audit trail is registered.
/// </summary>
/// <remarks>
/// Thread-safe (a singleton). Key management failures throw <see cref="KeyManagementException"/>, audit
/// failures <see cref="Audit.AuditException"/>, storage failures the store's own exceptions.
/// </remarks>
public interface IDataKeyManager
{
    /// <summary>Gets the counters of this instance's unwrapped data-key cache.</summary>
    DataKeyCacheStatistics CacheStatistics { get; }

    /// <summary>
    /// Crypto-shreds a scope: deletes the wrapped material of every version of its data key (tombstones stay,
    /// so decryption reports <see cref="Encryption.DataKeyErasedException"/>) and drops the unwrapped key from
    /// this instance's cache at once; other instances drop it within the cache lifetime. New writes to the
    /// scope are refused until <see cref="RotateDataKeyAsync"/> starts a new key; a scope that has no key yet
    /// gets a tombstone, so the same holds for it.
    /// </summary>
    /// <param name="scope">The scope, e.g. <see cref="Encryption.EncryptionScope.ForSubject"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of key versions shredded by this call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="scope"/> is empty, too long or reserved.</exception>
    ValueTask<int> ShredAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a new version of a scope's data key; new writes use it at once on this instance (within the
    /// cache lifetime on others), and values under earlier versions still decrypt. On a shredded scope it
    /// starts a new key deliberately.
    /// </summary>
    /// <param name="scope">The scope.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new key version.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="scope"/> is empty, too long or reserved.</exception>
    /// <exception cref="KeyManagementException">The key-encryption key failed; nothing was stored.</exception>
    ValueTask<DataKeyReference> RotateDataKeyAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>
    /// Re-wraps every live data key not yet wrapped by the current key-encryption key (after a KEK rotation).
    /// No data is touched. It is resumable: keys already re-wrapped are skipped, so after a failure run it again.
    /// </summary>
    /// <param name="cancellationToken">Cancels the run between keys; what was done stays done.</param>
    /// <returns>The counts of the run.</returns>
    /// <exception cref="KeyManagementException">The key-encryption key failed; the keys re-wrapped before it stay re-wrapped.</exception>
    ValueTask<KeyRewrapResult> RewrapAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Reports which data-key versions and key-encryption keys the store holds and which are retired but still kept.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The inventory.</returns>
    ValueTask<DataKeyInventory> GetInventoryAsync(CancellationToken cancellationToken = default);
}
