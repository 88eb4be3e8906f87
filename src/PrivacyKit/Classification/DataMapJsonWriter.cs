using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PrivacyKit.Retention;

namespace PrivacyKit.Classification;

/// <summary>Writes a <see cref="DataMap"/> as JSON in the schema documented in docs/data-map.md.</summary>
internal static class DataMapJsonWriter
{
    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(DataMap map)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", DataMap.SchemaVersion);
            w.WriteStartArray("entities");
            foreach (var entity in map.Entities)
            {
                WriteEntity(w, entity);
            }

            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var finding in map.CheckPosture())
            {
                w.WriteStartObject();
                w.WriteString("kind", Camel(finding.Kind.ToString()));
                w.WriteString("severity", Camel(finding.Severity.ToString()));
                w.WriteString("entity", finding.EntityType);
                w.WriteString("property", finding.Property);
                w.WriteString("message", finding.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    internal static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void WriteEntity(Utf8JsonWriter w, DataMapEntity entity)
    {
        w.WriteStartObject();
        w.WriteString("name", entity.Name);
        w.WriteString("table", entity.Table);
        w.WriteString("subjectIdProperty", entity.SubjectIdProperty);
        WriteStrings(w, "purposes", entity.Purposes);
        WriteRetention(w, entity.Retention);
        w.WriteStartArray("fields");
        foreach (var field in entity.Fields)
        {
            w.WriteStartObject();
            w.WriteString("name", field.Name);
            w.WriteString("column", field.Column);
            w.WriteString("dataType", field.DataType);
            w.WriteString("classification", field.Classification.Value);
            w.WriteString("taxonomy", field.Classification.TaxonomyName);
            w.WriteBoolean("sensitive", field.IsSensitive);
            w.WriteBoolean("subjectId", field.IsSubjectId);
            w.WriteBoolean("encrypted", (field.Protection & FieldProtection.Encrypted) != 0);
            if ((field.Protection & FieldProtection.BlindIndex) != 0)
            {
                w.WriteStartObject("blindIndex");
                w.WriteString("name", field.BlindIndexName);
                w.WriteString("normaliser", field.BlindIndexNormaliser);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("blindIndex");
            }

            w.WriteBoolean("lowCardinality", field.IsLowCardinality);
            WriteStrings(w, "purposes", field.Purposes);
            WriteRetention(w, field.Retention);
            w.WriteString("notes", field.Notes);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }

    private static void WriteRetention(Utf8JsonWriter w, RetentionPolicy? policy)
    {
        if (policy is null)
        {
            w.WriteNull("retention");
            return;
        }

        w.WriteStartObject("retention");
        w.WriteString("period", policy.Period.ToString());
        w.WriteString("from", policy.From);
        w.WriteString("action", Camel(policy.Action.ToString()));
        w.WriteString("source", Camel(policy.Source.ToString()));
        w.WriteEndObject();
    }
}
