namespace PrivacyKit.BlindIndexes;

/// <summary>
/// Normalises a value before it is blind-indexed, so that values a user considers equal (" Ann@X.org" and
/// "ann@x.org") give the same index. Built-in ones are on <see cref="BlindIndexNormalizers"/>.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe and deterministic across processes and versions: changing a
/// normaliser changes every index, so existing index columns must then be recomputed. They may throw
/// <see cref="ArgumentException"/> for input they cannot normalise.
/// </remarks>
public interface IBlindIndexNormalizer
{
    /// <summary>Normalises a value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The normalised value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    string Normalize(string value);
}
