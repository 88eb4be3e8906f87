namespace PrivacyKit.Audit;

/// <summary>
/// Makes keyed hashes of changed values for callers that opt in to recording them (to tell later whether a
/// value changed, or changed back, without storing it). The hash key is separate from the chain key.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe. The result reveals nothing of the value to anyone without the key,
/// but low-entropy values can be guessed by someone who holds it: protect the key like a data key.
/// </remarks>
public interface IAuditValueHasher
{
    /// <summary>Hashes a value of a named field.</summary>
    /// <param name="field">The field name, e.g. <c>Customer.Email</c>; the same value of two fields hashes differently.</param>
    /// <param name="value">The value.</param>
    /// <returns>A string <c>vh1:{keyId}:{32 hex digits}</c>, to be put in <see cref="AuditEvent.Properties"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> is <see langword="null"/>.</exception>
    string Hash(string field, ReadOnlySpan<char> value);
}
