namespace PrivacyKit.Keys;

/// <summary>
/// What the data-key store holds: how many scopes and versions, which are current, retired (superseded
/// by a newer version but kept because older values may still use them) or shredded, and which
/// key-encryption keys wrap them. A re-encryption job uses <see cref="RetiredKeys"/> to find values to rewrite;
/// a key-encryption key may be retired once <see cref="VersionsByKeyEncryptionKey"/> no longer names it.
/// </summary>
public sealed class DataKeyInventory
{
    internal DataKeyInventory(string currentKeyEncryptionKeyId, int scopes, int currentVersions, IReadOnlyList<DataKeyReference> retiredKeys, int shreddedVersions, IReadOnlyDictionary<string, int> versionsByKeyEncryptionKey)
    {
        CurrentKeyEncryptionKeyId = currentKeyEncryptionKeyId;
        Scopes = scopes;
        CurrentVersions = currentVersions;
        RetiredKeys = retiredKeys;
        ShreddedVersions = shreddedVersions;
        VersionsByKeyEncryptionKey = versionsByKeyEncryptionKey;
    }

    /// <summary>Gets the id of the key-encryption key that wraps new data keys.</summary>
    public string CurrentKeyEncryptionKeyId { get; }

    /// <summary>Gets the number of scopes with at least one stored version.</summary>
    public int Scopes { get; }

    /// <summary>Gets the number of live versions used for new writes (the newest of each scope not shredded).</summary>
    public int CurrentVersions { get; }

    /// <summary>Gets the live versions superseded by a newer one: older values may still be encrypted under them.</summary>
    public IReadOnlyList<DataKeyReference> RetiredKeys { get; }

    /// <summary>Gets the number of shredded versions (tombstones).</summary>
    public int ShreddedVersions { get; }

    /// <summary>Gets the number of live versions wrapped by each key-encryption key.</summary>
    public IReadOnlyDictionary<string, int> VersionsByKeyEncryptionKey { get; }

    /// <summary>Gets the number of live versions not wrapped by the current key-encryption key (work left for a re-wrap).</summary>
    public int VersionsToRewrap => VersionsByKeyEncryptionKey.Where(p => !string.Equals(p.Key, CurrentKeyEncryptionKeyId, StringComparison.Ordinal)).Sum(p => p.Value);
}
