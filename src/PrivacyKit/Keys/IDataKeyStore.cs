namespace PrivacyKit.Keys;

/// <summary>
/// Stores data keys, only ever wrapped by the key-encryption key, one record per (scope, version).
/// PrivacyKit ships an in-memory store (tests), a file store (single node) and, in PrivacyKit.EFCore,
/// a store in the application's database.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and, when several application instances share them, settle
/// races in the storage itself: <see cref="TryAddAsync"/> must fail rather than overwrite when the
/// (scope, version) or (key id, version) already exists, e.g. through a unique constraint; the caller then
/// re-reads the winner. Storage failures surface as the storage's own exceptions.
/// </remarks>
public interface IDataKeyStore
{
    /// <summary>Finds one version of a data key by its id.</summary>
    /// <param name="keyId">The data-key id.</param>
    /// <param name="version">The version.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record (possibly a shredded tombstone), or <see langword="null"/> when unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="keyId"/> is <see langword="null"/>.</exception>
    ValueTask<DataKeyRecord?> FindAsync(string keyId, int version, CancellationToken cancellationToken = default);

    /// <summary>Finds the highest version of a scope's data key.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record (possibly a shredded tombstone), or <see langword="null"/> when the scope has no key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    ValueTask<DataKeyRecord?> FindLatestAsync(string scope, CancellationToken cancellationToken = default);

    /// <summary>Adds a new version of a data key unless one with the same (scope, version) or (key id, version) exists, or the key id belongs to another scope.</summary>
    /// <param name="record">The record to add.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when added; <see langword="false"/> on a conflict (nothing changed).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    ValueTask<bool> TryAddAsync(DataKeyRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the wrapped key of one live version if it is still wrapped by <paramref name="expectedKeyEncryptionKeyId"/>
    /// (a compare-and-swap, so concurrent re-wrap jobs and shredding never lose an update).
    /// </summary>
    /// <param name="keyId">The data-key id.</param>
    /// <param name="version">The version.</param>
    /// <param name="expectedKeyEncryptionKeyId">The key-encryption key id the record must still have.</param>
    /// <param name="wrappedKey">The key wrapped by the new key-encryption key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when replaced; <see langword="false"/> when missing, shredded or already changed.</returns>
    /// <exception cref="ArgumentNullException">A reference argument is <see langword="null"/>.</exception>
    ValueTask<bool> TryReplaceWrappedKeyAsync(string keyId, int version, string expectedKeyEncryptionKeyId, WrappedKey wrappedKey, CancellationToken cancellationToken = default);

    /// <summary>Crypto-shreds every version of a scope's data key: deletes the wrapped key material and keeps tombstones.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="shreddedAt">The time to record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The number of versions shredded by this call (0 when there were none or all were already shredded).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> is <see langword="null"/>.</exception>
    ValueTask<int> ShredAsync(string scope, DateTimeOffset shreddedAt, CancellationToken cancellationToken = default);

    /// <summary>Lists every record, ordered by scope then version (re-wrap jobs and reports walk it).</summary>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The records.</returns>
    IAsyncEnumerable<DataKeyRecord> ListAsync(CancellationToken cancellationToken = default);
}
