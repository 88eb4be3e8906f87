namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>
/// One audit record as a database row: the chained and signed event, with lists and properties as JSON and the
/// time as UTC ticks so that the HMAC input round-trips exactly on every provider. Never holds personal values.
/// </summary>
internal sealed class AuditRecordRow
{
    public string InstanceId { get; set; } = "";

    public long Sequence { get; set; }

    public string KeyId { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    public int Kind { get; set; }

    public string? Action { get; set; }

    public string? ActorId { get; set; }

    public string ActorRoles { get; set; } = "[]";

    public string? OnBehalfOf { get; set; }

    public string? SubjectId { get; set; }

    public string? ResourceType { get; set; }

    public string? ResourceId { get; set; }

    public string Fields { get; set; } = "[]";

    public string? Purpose { get; set; }

    public int Outcome { get; set; }

    public string? Reason { get; set; }

    public long TimestampUtcTicks { get; set; }

    public string? CorrelationId { get; set; }

    public string Properties { get; set; } = "{}";
}
