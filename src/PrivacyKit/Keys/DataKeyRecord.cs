using PrivacyKit.Encryption;

namespace PrivacyKit.Keys;

/// <summary>
/// One version of a data key as a <see cref="IDataKeyStore"/> keeps it: only wrapped by the key-encryption
/// key, never in plaintext. After crypto-shredding the wrapped key is gone and a tombstone remains, so
/// decryption can say "erased" rather than "unknown key".
/// </summary>
public sealed class DataKeyRecord
{
    /// <summary>Initializes a record of a live data key.</summary>
    /// <param name="scope">The scope the key encrypts (see <see cref="EncryptionScope"/>).</param>
    /// <param name="keyId">The data-key id: 16 lowercase hexadecimal characters.</param>
    /// <param name="version">The version, starting at 1.</param>
    /// <param name="wrappedKey">The key wrapped by the key-encryption key.</param>
    /// <param name="createdAt">When the key was created.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/>, <paramref name="keyId"/> or <paramref name="wrappedKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="scope"/> is empty or <paramref name="keyId"/> is not 16 hexadecimal characters.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public DataKeyRecord(string scope, string keyId, int version, WrappedKey wrappedKey, DateTimeOffset createdAt)
        : this(scope, keyId, version, wrappedKey?.KeyEncryptionKeyId!, wrappedKey, createdAt, null)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
    }

    private DataKeyRecord(string scope, string keyId, int version, string keyEncryptionKeyId, WrappedKey? wrappedKey, DateTimeOffset createdAt, DateTimeOffset? shreddedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(keyId);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        if (!DataKeyId.TryParse(keyId, version, out _))
        {
            throw new ArgumentException("A data-key id is 16 hexadecimal characters.", nameof(keyId));
        }

        Scope = scope;
        KeyId = keyId.ToLowerInvariant();
        Version = version;
        KeyEncryptionKeyId = keyEncryptionKeyId;
        WrappedKey = wrappedKey;
        CreatedAt = createdAt;
        ShreddedAt = shreddedAt;
    }

    /// <summary>Gets the scope the key encrypts.</summary>
    public string Scope { get; }

    /// <summary>Gets the data-key id (shared by every version of the scope's key).</summary>
    public string KeyId { get; }

    /// <summary>Gets the version.</summary>
    public int Version { get; }

    /// <summary>Gets the identifier of the key-encryption key that wrapped (or last wrapped) the key.</summary>
    public string KeyEncryptionKeyId { get; }

    /// <summary>Gets the wrapped key, or <see langword="null"/> once the key was crypto-shredded.</summary>
    public WrappedKey? WrappedKey { get; }

    /// <summary>Gets when the key was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets when the key was crypto-shredded, or <see langword="null"/>.</summary>
    public DateTimeOffset? ShreddedAt { get; }

    /// <summary>Gets a value indicating whether the key was crypto-shredded.</summary>
    public bool IsShredded => WrappedKey is null;

    /// <summary>Gets the reference written into ciphertext headers.</summary>
    public DataKeyReference Reference => new(KeyId, Version);

    internal DataKeyId Id => DataKeyId.TryParse(KeyId, Version, out var id) ? id : default;

    /// <summary>Creates the tombstone of a shredded key, as a store loads it back.</summary>
    /// <param name="scope">The scope.</param>
    /// <param name="keyId">The data-key id.</param>
    /// <param name="version">The version.</param>
    /// <param name="keyEncryptionKeyId">The key-encryption key that last wrapped it.</param>
    /// <param name="createdAt">When the key was created.</param>
    /// <param name="shreddedAt">When it was shredded.</param>
    /// <returns>The tombstone.</returns>
    /// <exception cref="ArgumentNullException">A string argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A string argument is empty or <paramref name="keyId"/> is malformed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public static DataKeyRecord Shredded(string scope, string keyId, int version, string keyEncryptionKeyId, DateTimeOffset createdAt, DateTimeOffset shreddedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyEncryptionKeyId);
        return new DataKeyRecord(scope, keyId, version, keyEncryptionKeyId, null, createdAt, shreddedAt);
    }

    /// <summary>Returns a copy wrapped by another key-encryption key.</summary>
    /// <param name="wrappedKey">The new wrapped key.</param>
    /// <returns>The copy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="wrappedKey"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The key was shredded.</exception>
    public DataKeyRecord WithWrappedKey(WrappedKey wrappedKey)
    {
        ArgumentNullException.ThrowIfNull(wrappedKey);
        if (IsShredded)
        {
            throw new InvalidOperationException("A shredded data key cannot be re-wrapped.");
        }

        return new DataKeyRecord(Scope, KeyId, Version, wrappedKey, CreatedAt);
    }

    /// <summary>Returns the tombstone of this key.</summary>
    /// <param name="shreddedAt">When it was shredded.</param>
    /// <returns>The tombstone (this record when already shredded).</returns>
    public DataKeyRecord ToShredded(DateTimeOffset shreddedAt) =>
        IsShredded ? this : new DataKeyRecord(Scope, KeyId, Version, KeyEncryptionKeyId, null, CreatedAt, shreddedAt);
}
