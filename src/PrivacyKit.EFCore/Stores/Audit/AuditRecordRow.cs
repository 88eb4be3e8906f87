namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>
/// One audit record as a database row: the chained and signed event, with lists and properties as JSON and the
/// time as UTC ticks so that the HMAC input round-trips exactly on every provider. Never holds personal values.
/// </summary>
/// <remarks>
/// A row of one of PrivacyKit's tables (see <see cref="PrivacyKitModelBuilderExtensions.AddPrivacyKitStores"/>). It is public only
/// so that migrations and compiled models (<c>dotnet ef dbcontext optimize</c>) generated in the application's assembly
/// can reference it; read and write through PrivacyKit's audit interfaces, never through this type.
/// </remarks>
public sealed class AuditRecordRow
{
    /// <summary>Gets or sets the id of the application instance whose chain holds the record.</summary>
    public string InstanceId { get; set; } = "";

    /// <summary>Gets or sets the position in the chain (from 1).</summary>
    public long Sequence { get; set; }

    /// <summary>Gets or sets the id of the key that signed the record.</summary>
    public string KeyId { get; set; } = "";

    /// <summary>Gets or sets the previous record's hash.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>Gets or sets the hash (signature) of the record.</summary>
    public string Hash { get; set; } = "";

    /// <summary>Gets or sets the event kind (<see cref="PrivacyKit.Audit.AuditEventKind"/> as a number).</summary>
    public int Kind { get; set; }

    /// <summary>Gets or sets the action.</summary>
    public string? Action { get; set; }

    /// <summary>Gets or sets the actor's id.</summary>
    public string? ActorId { get; set; }

    /// <summary>Gets or sets the actor's roles as a JSON array.</summary>
    public string ActorRoles { get; set; } = "[]";

    /// <summary>Gets or sets the id of the actor acted for.</summary>
    public string? OnBehalfOf { get; set; }

    /// <summary>Gets or sets the data subject's id.</summary>
    public string? SubjectId { get; set; }

    /// <summary>Gets or sets the resource type.</summary>
    public string? ResourceType { get; set; }

    /// <summary>Gets or sets the resource id.</summary>
    public string? ResourceId { get; set; }

    /// <summary>Gets or sets the field names as a JSON array (names only, never values).</summary>
    public string Fields { get; set; } = "[]";

    /// <summary>Gets or sets the purpose id.</summary>
    public string? Purpose { get; set; }

    /// <summary>Gets or sets the outcome (<see cref="PrivacyKit.Audit.AuditOutcome"/> as a number).</summary>
    public int Outcome { get; set; }

    /// <summary>Gets or sets the reason.</summary>
    public string? Reason { get; set; }

    /// <summary>Gets or sets the time as UTC ticks.</summary>
    public long TimestampUtcTicks { get; set; }

    /// <summary>Gets or sets the correlation id.</summary>
    public string? CorrelationId { get; set; }

    /// <summary>Gets or sets the extra properties as a JSON object.</summary>
    public string Properties { get; set; } = "{}";
}
