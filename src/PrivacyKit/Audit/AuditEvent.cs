namespace PrivacyKit.Audit;

/// <summary>
/// One audit record: who did what to which data subject's data, for which purpose, with what
/// outcome. It never carries personal values: only names of fields, identifiers and, where the
/// caller opts in, keyed hashes of values.
/// </summary>
public sealed record AuditEvent
{
    /// <summary>Gets what happened.</summary>
    public required AuditEventKind Kind { get; init; }

    /// <summary>Gets a finer name of the action, e.g. <c>customers:export</c> or <c>key.shred</c>.</summary>
    public string? Action { get; init; }

    /// <summary>Gets the stable identifier of the actor (never a name or e-mail address).</summary>
    public string? ActorId { get; init; }

    /// <summary>Gets the roles the actor held when acting.</summary>
    public IReadOnlyList<string> ActorRoles { get; init; } = [];

    /// <summary>Gets the actor on whose behalf the actor worked, if any.</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>Gets the identifier of the data subject whose data was involved, if any.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Gets the type of resource involved, e.g. an entity name such as <c>Customer</c>.</summary>
    public string? ResourceType { get; init; }

    /// <summary>Gets the identifier of the resource involved, e.g. a primary key.</summary>
    public string? ResourceId { get; init; }

    /// <summary>Gets the names of the fields read or changed. Never their values.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Gets the purpose the data was used for, if declared.</summary>
    public string? Purpose { get; init; }

    /// <summary>Gets how the operation ended.</summary>
    public AuditOutcome Outcome { get; init; } = AuditOutcome.Success;

    /// <summary>Gets a short, non-personal reason (a denial reason, a rejection ground).</summary>
    public string? Reason { get; init; }

    /// <summary>Gets when it happened. Set by the audit pipeline from its <see cref="TimeProvider"/> when left default.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Gets the correlation id (for example a W3C trace id) that ties the records of one request together.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>
    /// Gets further non-personal details as name/value pairs (a key id, a request id, a policy version,
    /// keyed hashes of a client address). Never personal values.
    /// </summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>(0);

    /// <summary>
    /// Gets how this event must be delivered: <see cref="AuditDelivery.Guaranteed"/> for reads of sensitive
    /// data and other events whose operation must not proceed unless the record is durable.
    /// </summary>
    /// <value><see langword="null"/> (the default) uses <c>AuditOptions.DefaultDelivery</c>. Not part of the stored record.</value>
    public AuditDelivery? Delivery { get; init; }
}
