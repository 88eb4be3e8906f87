using System.Globalization;
using System.Text.Json;

namespace PrivacyKit.Audit;

/// <summary>Writes and reads the one-line JSON form of a record (docs/audit-format.md). Unset fields are omitted.</summary>
internal static class AuditRecordJson
{
    public const int FormatVersion = 1;

    private static readonly JsonEncodedText V = JsonEncodedText.Encode("v");
    private static readonly JsonEncodedText Instance = JsonEncodedText.Encode("instance");
    private static readonly JsonEncodedText Seq = JsonEncodedText.Encode("seq");
    private static readonly JsonEncodedText KeyId = JsonEncodedText.Encode("keyId");
    private static readonly JsonEncodedText Prev = JsonEncodedText.Encode("prev");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Action = JsonEncodedText.Encode("action");
    private static readonly JsonEncodedText Actor = JsonEncodedText.Encode("actor");
    private static readonly JsonEncodedText Roles = JsonEncodedText.Encode("roles");
    private static readonly JsonEncodedText OnBehalfOf = JsonEncodedText.Encode("onBehalfOf");
    private static readonly JsonEncodedText Subject = JsonEncodedText.Encode("subject");
    private static readonly JsonEncodedText ResourceType = JsonEncodedText.Encode("resourceType");
    private static readonly JsonEncodedText ResourceId = JsonEncodedText.Encode("resourceId");
    private static readonly JsonEncodedText Fields = JsonEncodedText.Encode("fields");
    private static readonly JsonEncodedText Purpose = JsonEncodedText.Encode("purpose");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Time = JsonEncodedText.Encode("time");
    private static readonly JsonEncodedText Correlation = JsonEncodedText.Encode("correlationId");
    private static readonly JsonEncodedText Props = JsonEncodedText.Encode("props");
    private static readonly JsonEncodedText Hash = JsonEncodedText.Encode("hash");

    public static void Write(Utf8JsonWriter w, AuditRecord r)
    {
        var e = r.Event;
        w.WriteStartObject();
        w.WriteNumber(V, FormatVersion);
        w.WriteString(Instance, r.InstanceId);
        w.WriteNumber(Seq, r.Sequence);
        w.WriteString(KeyId, r.KeyId);
        w.WriteString(Prev, r.PreviousHash);
        w.WriteNumber(Kind, (int)e.Kind);
        WriteOptional(w, Action, e.Action);
        WriteOptional(w, Actor, e.ActorId);
        WriteList(w, Roles, e.ActorRoles);
        WriteOptional(w, OnBehalfOf, e.OnBehalfOf);
        WriteOptional(w, Subject, e.SubjectId);
        WriteOptional(w, ResourceType, e.ResourceType);
        WriteOptional(w, ResourceId, e.ResourceId);
        WriteList(w, Fields, e.Fields);
        WriteOptional(w, Purpose, e.Purpose);
        w.WriteNumber(Outcome, (int)e.Outcome);
        WriteOptional(w, Reason, e.Reason);
        w.WriteString(Time, e.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        WriteOptional(w, Correlation, e.CorrelationId);
        if (e.Properties.Count > 0)
        {
            w.WriteStartObject(Props);
            foreach (var key in e.Properties.Keys.Order(StringComparer.Ordinal))
            {
                w.WriteString(key, e.Properties[key]);
            }

            w.WriteEndObject();
        }

        w.WriteString(Hash, r.Hash);
        w.WriteEndObject();
    }

    /// <summary>Reads one line; returns <see langword="null"/> and a reason (never content) when it is not a record.</summary>
    public static AuditRecord? TryRead(ReadOnlySpan<byte> line, out string? error)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            var record = Read(ref reader, out error);
            if (record is not null && reader.Read())
            {
                error = "text after the record";
                return null;
            }

            return record;
        }
        catch (JsonException)
        {
            error = "not valid JSON";
            return null;
        }
        catch (FormatException)
        {
            error = "a value has the wrong format";
            return null;
        }
        catch (InvalidOperationException)
        {
            error = "a value has the wrong type";
            return null;
        }
    }

    private static AuditRecord? Read(ref Utf8JsonReader r, out string? error)
    {
        error = null;
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject)
        {
            error = "not a JSON object";
            return null;
        }

        int? version = null;
        long? seq = null;
        int? kind = null;
        int outcome = 0;
        string? instance = null, keyId = null, prev = null, hash = null, action = null, actor = null, onBehalfOf = null,
            subject = null, resourceType = null, resourceId = null, purpose = null, reason = null, correlation = null;
        DateTimeOffset? time = null;
        string[] roles = [], fields = [];
        Dictionary<string, string>? props = null;

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var name = r.GetString();
            r.Read();
            switch (name)
            {
                case "v": version = r.GetInt32(); break;
                case "instance": instance = r.GetString(); break;
                case "seq": seq = r.GetInt64(); break;
                case "keyId": keyId = r.GetString(); break;
                case "prev": prev = r.GetString(); break;
                case "kind": kind = r.GetInt32(); break;
                case "action": action = r.GetString(); break;
                case "actor": actor = r.GetString(); break;
                case "roles": roles = ReadList(ref r); break;
                case "onBehalfOf": onBehalfOf = r.GetString(); break;
                case "subject": subject = r.GetString(); break;
                case "resourceType": resourceType = r.GetString(); break;
                case "resourceId": resourceId = r.GetString(); break;
                case "fields": fields = ReadList(ref r); break;
                case "purpose": purpose = r.GetString(); break;
                case "outcome": outcome = r.GetInt32(); break;
                case "reason": reason = r.GetString(); break;
                case "time":
                    time = DateTimeOffset.ParseExact(r.GetString()!, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
                    break;
                case "correlationId": correlation = r.GetString(); break;
                case "props": props = ReadProperties(ref r); break;
                case "hash": hash = r.GetString(); break;
                default:
                    error = "unexpected property";
                    return null;
            }
        }

        if (r.TokenType != JsonTokenType.EndObject)
        {
            error = "not a complete JSON object";
            return null;
        }

        if (version != FormatVersion || instance is null || seq is null || keyId is null || prev is null || hash is null
            || kind is null || time is null)
        {
            error = version is not null && version != FormatVersion ? "unknown format version" : "a required property is missing";
            return null;
        }

        return new AuditRecord
        {
            InstanceId = instance,
            Sequence = seq.Value,
            KeyId = keyId,
            PreviousHash = prev,
            Hash = hash,
            Event = new AuditEvent
            {
                Kind = (AuditEventKind)kind.Value,
                Action = action,
                ActorId = actor,
                ActorRoles = roles,
                OnBehalfOf = onBehalfOf,
                SubjectId = subject,
                ResourceType = resourceType,
                ResourceId = resourceId,
                Fields = fields,
                Purpose = purpose,
                Outcome = (AuditOutcome)outcome,
                Reason = reason,
                Timestamp = time.Value,
                CorrelationId = correlation,
                Properties = props ?? (IReadOnlyDictionary<string, string>)EmptyProperties,
            },
        };
    }

    private static readonly Dictionary<string, string> EmptyProperties = new(0);

    private static string[] ReadList(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            throw new FormatException();
        }

        var items = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            items.Add(r.GetString() ?? throw new FormatException());
        }

        return [.. items];
    }

    private static Dictionary<string, string> ReadProperties(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw new FormatException();
        }

        var props = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            var key = r.GetString()!;
            r.Read();
            props[key] = r.GetString() ?? throw new FormatException();
        }

        return props;
    }

    private static void WriteOptional(Utf8JsonWriter w, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteList(Utf8JsonWriter w, JsonEncodedText name, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        w.WriteStartArray(name);
        for (var i = 0; i < items.Count; i++)
        {
            w.WriteStringValue(items[i]);
        }

        w.WriteEndArray();
    }
}
