namespace PrivacyKit.Retention;

/// <summary>
/// A retention rule configured in code (<see cref="RetentionOptions.Rules"/>). It overrides a
/// <see cref="RetentionAttribute"/> on the same entity and property; it is validated at start-up.
/// </summary>
public sealed class RetentionRule
{
    /// <summary>Gets or sets the entity name (as in the data map, by default the CLR type name).</summary>
    public string EntityType { get; set; } = string.Empty;

    /// <summary>Gets or sets the field the rule applies to, or <see langword="null"/> for the whole record.</summary>
    public string? Property { get; set; }

    /// <summary>Gets or sets the ISO 8601 retention period, e.g. <c>P7Y</c>.</summary>
    public string Period { get; set; } = string.Empty;

    /// <summary>Gets or sets the name of the timestamp property the period counts from.</summary>
    public string From { get; set; } = string.Empty;

    /// <summary>Gets or sets what happens when the period has run out.</summary>
    /// <value>Defaults to <see cref="RetentionAction.Delete"/>; a rule on a field must use <see cref="RetentionAction.Anonymise"/>.</value>
    public RetentionAction Action { get; set; } = RetentionAction.Delete;
}
