namespace PrivacyKit.Requests;

/// <summary>One correction asked for in a rectification request: the field and its corrected value.</summary>
/// <remarks>
/// <see cref="NewValue"/> is personal data. It is kept with the request until the request is executed
/// (a database-backed request store must protect it as it protects other personal fields) and it never
/// appears in <see cref="ToString"/>, exception messages, logs or audit records.
/// </remarks>
public sealed record FieldCorrection
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="entityType">The entity that holds the field, e.g. <c>Customer</c>.</param>
    /// <param name="field">The field (property) name, e.g. <c>Email</c>.</param>
    /// <param name="newValue">The corrected value; <see langword="null"/> clears the field.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> or <paramref name="field"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="field"/> is empty.</exception>
    public FieldCorrection(string entityType, string field, string? newValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(field);
        EntityType = entityType;
        Field = field;
        NewValue = newValue;
    }

    /// <summary>Gets the entity that holds the field.</summary>
    public string EntityType { get; }

    /// <summary>Gets the field name.</summary>
    public string Field { get; }

    /// <summary>Gets the corrected value (personal data).</summary>
    public string? NewValue { get; }

    /// <summary>Returns the entity and field name, never the value.</summary>
    /// <returns>A text such as <c>Customer.Email</c>.</returns>
    public override string ToString() => $"{EntityType}.{Field}";
}
