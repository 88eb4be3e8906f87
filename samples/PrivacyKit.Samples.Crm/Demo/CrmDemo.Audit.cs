using System.Text.Json;
using PrivacyKit.Audit;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private async Task VerifyAuditAsync(StepContext step)
    {
        await Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        var result = await AuditTrailCheck.VerifyAsync(Services, session.Paths.AuditDirectory, session.Paths.AuditCheckpoints);
        var actions = ReadAuditLines(session.Paths.AuditDirectory)
            .GroupBy(l => l.Json.RootElement.TryGetProperty("action", out var a) ? a.GetString() : "(none)")
            .Select(g => $"{g.Key} {g.Count()}");
        step.Show($"{result.RecordCount} records in {Path.GetFileName(session.Paths.AuditDirectory)}/, chain heads: " +
            string.Join(", ", result.Heads.Values.Select(h => $"{h.InstanceId} #{h.Sequence}")));
        step.Show("actions: " + string.Join(", ", actions));
        step.Expect("the trail verifies", true, result.IsValid);
        step.Expect("records in the trail", result.RecordCount > 0, "none");

        // Audit records hold identifiers and field names only, never the personal values themselves.
        var trail = string.Concat(Directory.EnumerateFiles(session.Paths.AuditDirectory).Select(File.ReadAllText));
        var leaked = session.Seeded.Values.SelectMany(c => new[] { c.Email, c.LastName, c.Phone ?? "" })
            .Where(v => v.Length > 0 && trail.Contains(v, StringComparison.OrdinalIgnoreCase)).ToList();
        step.Expect("personal values in the audit trail", 0, leaked.Count);
    }

    private async Task TamperAuditAsync(StepContext step)
    {
        // Work on a copy, as an attacker with access to a backup would: the live trail stays valid.
        var copy = session.Paths.TamperedAuditCopy;
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true);
        }

        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(session.Paths.AuditDirectory))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var target = ReadAuditLines(copy).First(l => l.Json.RootElement.TryGetProperty("action", out var a) && a.GetString() == "consent.withdraw");
        var sequence = target.Json.RootElement.GetProperty("seq").GetInt64();
        var lines = File.ReadAllLines(target.File);
        lines[target.Line - 1] = lines[target.Line - 1].Replace("\"action\":\"consent.withdraw\"", "\"action\":\"consent.grant\"", StringComparison.Ordinal);
        File.WriteAllText(target.File, string.Join('\n', lines) + "\n");
        step.Show($"changed record #{sequence} ({Path.GetFileName(target.File)}:{target.Line}) from consent.withdraw to consent.grant");

        var result = await AuditTrailCheck.VerifyAsync(Services, copy, session.Paths.AuditCheckpoints);
        var issue = result.FirstIssue;
        step.Show(issue is null ? "the verifier found nothing" : "verifier: " + AuditTrailCheck.Describe(issue));
        step.Expect("the tampered trail verifies", false, result.IsValid);
        step.Expect("first issue", (AuditIssueKind.Altered, sequence), (issue?.Kind ?? default, issue?.Sequence ?? 0));
    }

    private static IEnumerable<(string File, int Line, JsonDocument Json)> ReadAuditLines(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var number = 0;
            foreach (var line in File.ReadLines(file))
            {
                number++;
                yield return (file, number, JsonDocument.Parse(line));
            }
        }
    }
}
