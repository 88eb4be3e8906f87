using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PrivacyKit.Requests;

/// <summary>Writes export packages and erasure certificates as JSON (the documented schemas) and as Markdown summaries.</summary>
internal static class RequestDocumentWriter
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string ToJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static async Task WriteJsonAsync(Stream utf8Json, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        var writer = new Utf8JsonWriter(utf8Json, WriterOptions);
        await using (writer.ConfigureAwait(false))
        {
            write(writer);
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static void WritePackage(Utf8JsonWriter writer, DataExportPackage package)
    {
        writer.WriteStartObject();
        writer.WriteString("schema", DataExportPackage.Schema);
        WriteRequest(writer, package.Request);
        writer.WriteString("generatedAt", package.GeneratedAt);
        WriteSubject(writer, package.Request);

        writer.WriteStartArray("categories");
        foreach (var category in package.Categories)
        {
            writer.WriteStartObject();
            writer.WriteString("name", category.Name);
            WriteStrings(writer, "fields", category.Fields);
            WriteStrings(writer, "sources", category.Sources);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("sources");
        foreach (var source in package.Sources)
        {
            writer.WriteStartObject();
            writer.WriteString("name", source.Source);
            writer.WriteNumber("recordCount", source.Records.Count);
            WriteStrings(writer, "categories", [.. source.Records.Select(r => r.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
            WriteStrings(writer, "purposes", source.Purposes);
            WriteStrings(writer, "recipients", source.Recipients);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        WriteRecords(writer, "records", package.Sources, consent: false);
        WriteRecords(writer, "consentHistory", package.Sources, consent: true);
        WriteStrings(writer, "processingPurposes", package.Purposes);
        WriteStrings(writer, "recipients", package.Recipients);
        writer.WriteEndObject();
    }

    public static void WriteCertificate(Utf8JsonWriter writer, ErasureCertificate certificate)
    {
        writer.WriteStartObject();
        writer.WriteString("schema", ErasureCertificate.Schema);
        WriteRequest(writer, certificate.Request);
        writer.WriteString("issuedAt", certificate.IssuedAt);
        WriteSubject(writer, certificate.Request);
        writer.WriteBoolean("complete", certificate.IsComplete);

        writer.WriteStartObject("summary");
        writer.WriteNumber("deletedRecords", certificate.Deleted.Sum(c => c.RecordCount));
        writer.WriteNumber("anonymisedRecords", certificate.Anonymised.Sum(c => c.RecordCount));
        writer.WriteNumber("shreddedRecords", certificate.Shredded.Sum(c => c.RecordCount));
        writer.WriteNumber("retainedRecords", certificate.Retained.Sum(c => c.RecordCount));
        writer.WriteEndObject();

        WriteStrings(writer, "sources", certificate.SourceNames);
        WriteChanges(writer, "erased", certificate.Entries.Where(e => e.Action != PersonalDataAction.Retained));
        WriteChanges(writer, "retained", certificate.Retained);
        writer.WriteEndObject();
    }

    public static string PackageSummary(DataExportPackage package)
    {
        var text = new StringBuilder();
        var request = package.Request;
        Line(text, "# Personal data held about you");
        Line(text);
        Line(text, $"Request {request.Id} ({request.Kind}, {request.Regime}), received {Date(request.ReceivedAt)}, answered {Date(package.GeneratedAt)}.");
        Line(text, $"Subject: {request.SubjectId}. {package.Records.Count} records in {package.Sources.Count} sources.");
        Line(text);
        Line(text, "## Categories");
        foreach (var category in package.Categories)
        {
            Line(text, $"- {category.Name}: {string.Join(", ", category.Fields)} (held in {string.Join(", ", category.Sources)})");
        }

        Line(text);
        Line(text, "## Why we process it and who receives it");
        Line(text, $"- Purposes: {List(package.Purposes)}");
        Line(text, $"- Recipients: {List(package.Recipients)}");
        Line(text);
        Line(text, "## Your data");
        foreach (var record in package.Records)
        {
            WriteRecordText(text, record);
        }

        Line(text);
        Line(text, "## Your consent history");
        if (package.ConsentHistory.Count == 0)
        {
            Line(text, "No consent records.");
        }

        foreach (var record in package.ConsentHistory)
        {
            WriteRecordText(text, record);
        }

        return text.ToString();
    }

    public static string CertificateSummary(ErasureCertificate certificate)
    {
        var text = new StringBuilder();
        var request = certificate.Request;
        Line(text, "# Erasure certificate");
        Line(text);
        Line(text, $"Request {request.Id} ({request.Regime}) for subject {request.SubjectId}, received {Date(request.ReceivedAt)}, certificate issued {Date(certificate.IssuedAt)}.");
        Line(text, $"Sources checked: {List(certificate.SourceNames)}.");
        Line(text);
        Section(text, "Deleted", certificate.Deleted);
        Section(text, "Anonymised", certificate.Anonymised);
        Section(text, "Crypto-shredded", certificate.Shredded);
        Section(text, "Retained", certificate.Retained);
        Line(text, certificate.IsComplete
            ? "Everything found was erased."
            : "Some data was retained for the reasons listed; it will be erased when those reasons end.");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<PersonalDataChange> entries)
    {
        Line(text, $"## {title}");
        if (entries.Count == 0)
        {
            Line(text, "Nothing.");
        }

        foreach (var entry in entries)
        {
            var reason = entry.Reason is null ? "" : $" — {entry.Reason}";
            Line(text, $"- {entry.Source}: {entry.EntityType}, {entry.RecordCount} records{reason}");
        }

        Line(text);
    }

    private static void WriteRecordText(StringBuilder text, PersonalDataRecord record)
    {
        Line(text, $"### {record.EntityType} ({record.Category}){(record.RecordId is null ? "" : $" {record.RecordId}")}");
        foreach (var (field, value) in record.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            Line(text, $"- {field}: {value ?? "(empty)"}");
        }
    }

    private static void WriteRequest(Utf8JsonWriter writer, SubjectRequest request)
    {
        writer.WriteStartObject("request");
        writer.WriteString("id", request.Id);
        writer.WriteString("kind", Camel(request.Kind.ToString()));
        writer.WriteString("regime", Camel(request.Regime.ToString()));
        writer.WriteString("receivedAt", request.ReceivedAt);
        writer.WriteString("dueAt", request.EffectiveDueAt);
        writer.WriteEndObject();
    }

    private static void WriteSubject(Utf8JsonWriter writer, SubjectRequest request)
    {
        writer.WriteStartObject("subject");
        writer.WriteString("id", request.SubjectId);
        if (request.TenantId is not null)
        {
            writer.WriteString("tenantId", request.TenantId);
        }

        writer.WriteEndObject();
    }

    private static void WriteRecords(Utf8JsonWriter writer, string name, IReadOnlyList<PersonalDataExport> sources, bool consent)
    {
        writer.WriteStartArray(name);
        foreach (var source in sources)
        {
            foreach (var record in source.Records.Where(r =>
                         consent == string.Equals(r.Category, PersonalDataRecord.ConsentCategory, StringComparison.Ordinal)))
            {
                writer.WriteStartObject();
                writer.WriteString("source", source.Source);
                writer.WriteString("entityType", record.EntityType);
                writer.WriteString("category", record.Category);
                if (record.RecordId is not null)
                {
                    writer.WriteString("id", record.RecordId);
                }

                writer.WriteStartObject("fields");
                foreach (var (field, value) in record.Fields)
                {
                    writer.WriteString(field, value);
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    private static void WriteChanges(Utf8JsonWriter writer, string name, IEnumerable<PersonalDataChange> changes)
    {
        writer.WriteStartArray(name);
        foreach (var change in changes)
        {
            WriteChange(writer, change);
        }

        writer.WriteEndArray();
    }

    private static void WriteChange(Utf8JsonWriter writer, PersonalDataChange change)
    {
        writer.WriteStartObject();
        writer.WriteString("source", change.Source);
        writer.WriteString("entityType", change.EntityType);
        writer.WriteString("action", Camel(change.Action.ToString()));
        writer.WriteNumber("recordCount", change.RecordCount);
        WriteStrings(writer, "fields", change.Fields);
        if (change.Reason is not null)
        {
            writer.WriteString("reason", change.Reason);
        }

        if (change.LegalHoldId is not null)
        {
            writer.WriteString("legalHoldId", change.LegalHoldId);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'zzz", CultureInfo.InvariantCulture);

    private static string List(IReadOnlyList<string> values) => values.Count == 0 ? "none" : string.Join(", ", values);

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
