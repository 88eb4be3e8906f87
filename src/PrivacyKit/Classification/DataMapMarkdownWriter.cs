using System.Globalization;
using System.Text;
using PrivacyKit.Retention;

namespace PrivacyKit.Classification;

/// <summary>Writes a <see cref="DataMap"/> as a Markdown record of processing.</summary>
internal static class DataMapMarkdownWriter
{
    public static string Write(DataMap map)
    {
        var sb = new StringBuilder();
        Line(sb, "# Data map");
        Line(sb);
        Line(sb, "Record of processing activities (GDPR Art. 30): the personal data this application holds, why, how it is protected and how long it is kept.");
        Line(sb);
        foreach (var entity in map.Entities)
        {
            Line(sb, $"## {entity.Name}");
            Line(sb);
            Line(sb, $"- Table: {Code(entity.Table) ?? "(not mapped)"}");
            Line(sb, $"- Data subject id: {Code(entity.SubjectIdProperty) ?? "**none**"}");
            Line(sb, $"- Purposes: {List(entity.Purposes)}");
            Line(sb, $"- Retention: {Retention(entity.Retention)}");
            Line(sb);
            if (entity.Fields.Count == 0)
            {
                Line(sb, "No personal fields.");
                Line(sb);
                continue;
            }

            Line(sb, "| Field | Column | Type | Classification | Protection | Purposes | Retention | Notes |");
            Line(sb, "|---|---|---|---|---|---|---|---|");
            foreach (var field in entity.Fields)
            {
                var classification = field.Classification.Value + (field.IsSubjectId ? " (subject id)" : string.Empty);
                Line(sb, $"| {Cell(field.Name)} | {Cell(field.Column ?? string.Empty)} | {Cell(field.DataType)} | {Cell(classification)} | {Cell(Protection(field))} | {Cell(List(field.Purposes))} | {Cell(field.Retention is null ? (entity.Retention is null ? "none" : "as entity") : Retention(field.Retention))} | {Cell(field.Notes ?? string.Empty)} |");
            }

            Line(sb);
        }

        Line(sb, "## Findings");
        Line(sb);
        var findings = map.CheckPosture();
        if (findings.Count == 0)
        {
            Line(sb, "None.");
        }
        else
        {
            Line(sb, "| Severity | Finding | Where | What to do |");
            Line(sb, "|---|---|---|---|");
            foreach (var f in findings)
            {
                var where = f.Property is null ? f.EntityType : $"{f.EntityType}.{f.Property}";
                Line(sb, $"| {f.Severity} | {f.Kind} | {Cell(where)} | {Cell(f.Message)} |");
            }
        }

        return sb.ToString();
    }

    private static void Line(StringBuilder sb, string text = "") => sb.Append(text).Append('\n');

    private static string? Code(string? text) => text is null ? null : $"`{text}`";

    private static string List(IReadOnlyList<string> values) => values.Count == 0 ? "-" : string.Join(", ", values);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Retention(RetentionPolicy? policy) => policy is null
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{policy.Period} from `{policy.From}`, then {Action(policy.Action)}{(policy.Source == RetentionPolicySource.Configuration ? " (configured)" : string.Empty)}");

    private static string Action(RetentionAction action) => action switch
    {
        RetentionAction.Delete => "delete",
        RetentionAction.Anonymise => "anonymise",
        _ => "shred key",
    };

    private static string Protection(DataMapField field)
    {
        if (field.Protection == FieldProtection.Clear)
        {
            return "clear";
        }

        var parts = new List<string>(2);
        if ((field.Protection & FieldProtection.Encrypted) != 0)
        {
            parts.Add("encrypted");
        }

        if ((field.Protection & FieldProtection.BlindIndex) != 0)
        {
            parts.Add(field.BlindIndexNormaliser is null ? $"blind index `{field.BlindIndexName}`" : $"blind index `{field.BlindIndexName}` ({field.BlindIndexNormaliser})");
        }

        return string.Join(", ", parts);
    }
}
