namespace PrivacyKit.Retention;

/// <summary>
/// Declares how long data is kept, as an ISO 8601 duration counted from a timestamp property of the
/// same entity. On a class it applies to the whole record (default action <see cref="RetentionAction.Delete"/>);
/// on a property, to that field (default action <see cref="RetentionAction.Anonymise"/>).
/// </summary>
/// <example><code>[Retention("P7Y", From = nameof(ClosedAt))] public sealed class Invoice { ... }</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = true)]
public sealed class RetentionAttribute : Attribute
{
    private RetentionAction? _action;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="period">An ISO 8601 duration such as <c>P7Y</c>, <c>P18M</c> or <c>P30D</c>. It is parsed when the data map is built.</param>
    public RetentionAttribute(string period)
    {
        Period = period;
    }

    /// <summary>Gets the retention period as written.</summary>
    public string Period { get; }

    /// <summary>Gets or sets the name of the <see cref="DateTime"/> or <see cref="DateTimeOffset"/> property the period counts from.</summary>
    public string? From { get; set; }

    /// <summary>Gets or sets what happens when the period has run out.</summary>
    /// <value>Defaults to <see cref="RetentionAction.Delete"/> on a class and <see cref="RetentionAction.Anonymise"/> on a property.</value>
    public RetentionAction Action
    {
        get => _action ?? RetentionAction.Delete;
        set => _action = value;
    }

    /// <summary>Gets the action if one was set explicitly.</summary>
    internal RetentionAction? ExplicitAction => _action;
}
