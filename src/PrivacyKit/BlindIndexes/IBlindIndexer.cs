namespace PrivacyKit.BlindIndexes;

/// <summary>
/// Computes blind indexes: keyed HMAC-SHA256 of a normalised value, truncated, so an encrypted column can
/// be searched for equality without decrypting it. Each index has its own key, derived with HKDF from a
/// blind-index root key that is separate from every data key (itself wrapped by the key-encryption key
/// and kept in the data-key store). See docs/key-management.md on choosing the length.
/// </summary>
/// <remarks>
/// Thread-safe (a singleton). The first use unwraps the root key (creating it on first ever use): the
/// synchronous methods block on it once; call <see cref="PreloadAsync"/> at start-up to avoid that. Key
/// failures throw <see cref="Keys.KeyManagementException"/>. Erasing a subject must also clear its index
/// columns: indexes are not covered by crypto-shredding.
/// </remarks>
public interface IBlindIndexer
{
    /// <summary>Computes the blind index of a value.</summary>
    /// <param name="indexName">The index name, e.g. <c>Customer.Email</c>; each name has its own key.</param>
    /// <param name="value">The value; <see langword="null"/> gives <see langword="null"/>.</param>
    /// <param name="normalizer">The normaliser; <see cref="BlindIndexNormalizers.None"/> when <see langword="null"/>.</param>
    /// <param name="bits">The index length in bits (a multiple of 8 from 16 to 256); the configured default when <see langword="null"/>.</param>
    /// <returns>The index bytes, or <see langword="null"/> for a <see langword="null"/> value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indexName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="indexName"/> is empty, <paramref name="bits"/> is invalid, or the normalised value is not well-formed UTF-16.</exception>
    /// <exception cref="Keys.KeyManagementException">The root key could not be created or unwrapped.</exception>
    byte[]? Compute(string indexName, string? value, IBlindIndexNormalizer? normalizer = null, int? bits = null);

    /// <summary>Computes the blind index of a value as base64 text, for string columns.</summary>
    /// <param name="indexName">The index name.</param>
    /// <param name="value">The value; <see langword="null"/> gives <see langword="null"/>.</param>
    /// <param name="normalizer">The normaliser; <see cref="BlindIndexNormalizers.None"/> when <see langword="null"/>.</param>
    /// <param name="bits">The index length in bits; the configured default when <see langword="null"/>.</param>
    /// <returns>The index in base64, or <see langword="null"/> for a <see langword="null"/> value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="indexName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="indexName"/> is empty, <paramref name="bits"/> is invalid, or the normalised value is not well-formed UTF-16.</exception>
    /// <exception cref="Keys.KeyManagementException">The root key could not be created or unwrapped.</exception>
    string? ComputeText(string indexName, string? value, IBlindIndexNormalizer? normalizer = null, int? bits = null);

    /// <summary>Unwraps (or creates) the blind-index root key now, so later calls never block.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the root key is ready.</returns>
    /// <exception cref="Keys.KeyManagementException">The root key could not be created or unwrapped.</exception>
    ValueTask PreloadAsync(CancellationToken cancellationToken = default);
}
