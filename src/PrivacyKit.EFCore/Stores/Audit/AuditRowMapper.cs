using System.Text.Json;
using PrivacyKit.Audit;

namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>Converts between <see cref="AuditRecord"/> and <see cref="AuditRecordRow"/> without losing a bit the HMAC covers.</summary>
internal static class AuditRowMapper
{
    public static AuditRecordRow ToRow(AuditRecord record)
    {
        var e = record.Event;
        return new AuditRecordRow
        {
            InstanceId = record.InstanceId,
            Sequence = record.Sequence,
            KeyId = record.KeyId,
            PreviousHash = record.PreviousHash,
            Hash = record.Hash,
            Kind = (int)e.Kind,
            Action = e.Action,
            ActorId = e.ActorId,
            ActorRoles = JsonSerializer.Serialize(e.ActorRoles, AuditStoreJson.Default.IReadOnlyListString),
            OnBehalfOf = e.OnBehalfOf,
            SubjectId = e.SubjectId,
            ResourceType = e.ResourceType,
            ResourceId = e.ResourceId,
            Fields = JsonSerializer.Serialize(e.Fields, AuditStoreJson.Default.IReadOnlyListString),
            Purpose = e.Purpose,
            Outcome = (int)e.Outcome,
            Reason = e.Reason,
            TimestampUtcTicks = e.Timestamp.UtcTicks,
            CorrelationId = e.CorrelationId,
            Properties = JsonSerializer.Serialize(e.Properties, AuditStoreJson.Default.IReadOnlyDictionaryStringString),
        };
    }

    public static AuditRecord ToRecord(AuditRecordRow row) => new()
    {
        InstanceId = row.InstanceId,
        Sequence = row.Sequence,
        KeyId = row.KeyId,
        PreviousHash = row.PreviousHash,
        Hash = row.Hash,
        Event = new AuditEvent
        {
            Kind = (AuditEventKind)row.Kind,
            Action = row.Action,
            ActorId = row.ActorId,
            ActorRoles = JsonSerializer.Deserialize(row.ActorRoles, AuditStoreJson.Default.IReadOnlyListString) ?? [],
            OnBehalfOf = row.OnBehalfOf,
            SubjectId = row.SubjectId,
            ResourceType = row.ResourceType,
            ResourceId = row.ResourceId,
            Fields = JsonSerializer.Deserialize(row.Fields, AuditStoreJson.Default.IReadOnlyListString) ?? [],
            Purpose = row.Purpose,
            Outcome = (AuditOutcome)row.Outcome,
            Reason = row.Reason,
            Timestamp = new DateTimeOffset(row.TimestampUtcTicks, TimeSpan.Zero),
            CorrelationId = row.CorrelationId,
            Properties = JsonSerializer.Deserialize(row.Properties, AuditStoreJson.Default.IReadOnlyDictionaryStringString)
                ?? new Dictionary<string, string>(0),
        },
    };
}
