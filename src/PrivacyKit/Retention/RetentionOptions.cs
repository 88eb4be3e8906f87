namespace PrivacyKit.Retention;

/// <summary>Retention configured in code, in addition to (and overriding) <see cref="RetentionAttribute"/>s.</summary>
public sealed class RetentionOptions
{
    /// <summary>Gets the configured rules. At most one per entity and property.</summary>
    /// <value>Empty by default.</value>
    public IList<RetentionRule> Rules { get; } = [];

    /// <summary>Adds a rule.</summary>
    /// <param name="entityType">The entity name.</param>
    /// <param name="period">The ISO 8601 period, e.g. <c>P7Y</c>.</param>
    /// <param name="from">The timestamp property the period counts from.</param>
    /// <param name="action">What happens when the period has run out.</param>
    /// <param name="property">The field, or <see langword="null"/> for the whole record.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="entityType"/>, <paramref name="period"/> or <paramref name="from"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/>, <paramref name="period"/> or <paramref name="from"/> is <see langword="null"/>.</exception>
    public RetentionOptions AddRule(string entityType, string period, string from, RetentionAction action = RetentionAction.Delete, string? property = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(from);
        Rules.Add(new RetentionRule { EntityType = entityType, Period = period, From = from, Action = action, Property = property });
        return this;
    }
}
