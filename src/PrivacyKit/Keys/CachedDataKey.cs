using PrivacyKit.Encryption;

namespace PrivacyKit.Keys;

/// <summary>
/// An unwrapped data key in the cache: the key itself (pinned, zeroed on eviction, with one reusable
/// <see cref="System.Security.Cryptography.AesGcm"/>: see <see cref="ReusableAesGcm"/>), its identity, scope and lifetime.
/// </summary>
internal sealed class CachedDataKey : ReusableAesGcm
{
    public CachedDataKey(DataKeyId id, string scope, ReadOnlySpan<byte> material, long expiresAt, long sequence)
        : base(material, CiphertextLayout.TagSize)
    {
        Id = id;
        Sequence = sequence;
        Scope = scope;
        ExpiresAt = expiresAt;
        LastUsed = expiresAt;
    }

    public DataKeyId Id { get; }

    public string Scope { get; }

    public long ExpiresAt { get; }

    /// <summary>Gets the order in which keys were added: breaks ties between equal last-use times, oldest first.</summary>
    public long Sequence { get; }

    /// <summary>Gets or sets the last-use timestamp (written racily: only eviction order depends on it).</summary>
    public long LastUsed { get; set; }
}
