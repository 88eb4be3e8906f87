namespace PrivacyKit.EFCore.Stores;

/// <summary>One version of a data key in the database: only ever wrapped; after shredding a tombstone without material.</summary>
internal sealed class DataKeyRow
{
    public string KeyId { get; set; } = "";

    public int Version { get; set; }

    public string Scope { get; set; } = "";

    /// <summary>The key-encryption key that wrapped it; a concurrency token, so a re-wrap is a compare-and-swap.</summary>
    public string KeyEncryptionKeyId { get; set; } = "";

    public string? Algorithm { get; set; }

    public byte[]? WrappedKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it was shredded; a concurrency token, so a re-wrap never resurrects a shredded key.</summary>
    public DateTimeOffset? ShreddedAt { get; set; }
}
