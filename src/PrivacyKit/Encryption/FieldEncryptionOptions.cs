namespace PrivacyKit.Encryption;

/// <summary>
/// Options of field encryption and blind indexes, validated at start-up. The cryptography itself
/// (algorithm, nonce and tag sizes) is fixed by the ciphertext format and is not an option.
/// </summary>
public sealed class FieldEncryptionOptions
{
    /// <summary>Gets or sets how many unwrapped data keys one instance keeps in memory.</summary>
    /// <value>Defaults to 4096. 1 to 1,000,000. Size it to the number of data subjects active within <see cref="KeyCacheLifetime"/>.</value>
    public int KeyCacheSize { get; set; } = 4096;

    /// <summary>
    /// Gets or sets how long an unwrapped data key stays cached. A key shredded or rotated on another instance
    /// takes effect here within this time (at once on the instance that did it); each expiry costs one KMS unwrap.
    /// </summary>
    /// <value>Defaults to 2 minutes. 1 second to 1 day.</value>
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Gets or sets the default length of blind indexes in bits (see docs/key-management.md on size versus leakage).</summary>
    /// <value>Defaults to 64. A multiple of 8 from 16 to 256.</value>
    public int BlindIndexBits { get; set; } = 64;
}
