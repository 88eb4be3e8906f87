using PrivacyKit.Audit;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private const string AuditTable = "privacykit_audit_records";

    private async Task VerifyAuditAsync(StepContext step)
    {
        var result = await AuditTrailCheck.VerifyAsync(Services, session.Paths.AuditCheckpoints);
        var actions = await Raw.QueryAsync($"SELECT Action, COUNT(*) FROM {AuditTable} GROUP BY Action ORDER BY COUNT(*) DESC, Action", r => $"{r.GetString(0)} {r.GetInt64(1)}");
        step.Show($"{result.RecordCount} records in {AuditTable}, chain heads: " +
            string.Join(", ", result.Heads.Values.Select(h => $"{h.InstanceId} #{h.Sequence}")));
        step.Show("actions: " + string.Join(", ", actions));
        foreach (var issue in result.Issues.Take(3))
        {
            step.Show("verifier: " + AuditTrailCheck.Describe(issue));
        }

        step.Expect("the trail verifies", true, result.IsValid);
        step.Expect("records in the trail", result.RecordCount > 0, "none");
        step.Expect("the web host's chain in the trail", result.Heads.ContainsKey(Api.CrmWebApp.InstanceId), "no chain " + Api.CrmWebApp.InstanceId);

        // Audit records hold identifiers and field names only, never the personal values themselves.
        var trail = string.Concat(await Raw.QueryAsync($"SELECT * FROM {AuditTable}", r =>
            string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => r.IsDBNull(i) ? "" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)))));
        var leaked = session.Seeded.Values.SelectMany(c => new[] { c.Email, c.LastName, c.Phone ?? "" })
            .Where(v => v.Length > 0 && trail.Contains(v, StringComparison.OrdinalIgnoreCase)).ToList();
        step.Expect("personal values in the audit trail", 0, leaked.Count);
    }

    private async Task TamperAuditAsync(StepContext step)
    {
        // Someone with write access to the database turns Jane's withdrawal of consent into a grant.
        var (instance, sequence) = (await Raw.QueryAsync(
            $"SELECT InstanceId, Sequence FROM {AuditTable} WHERE Action = 'consent.withdraw' ORDER BY TimestampUtcTicks LIMIT 1",
            r => (r.GetString(0), r.GetInt64(1)))).Single();
        var where = $"WHERE InstanceId = '{instance}' AND Sequence = {sequence}";
        await Raw.ExecuteAsync($"UPDATE {AuditTable} SET Action = 'consent.grant' {where}");
        step.Show($"UPDATE {AuditTable} SET Action = 'consent.grant' {where}");
        var result = await AuditTrailCheck.VerifyAsync(Services, session.Paths.AuditCheckpoints);
        var issue = result.FirstIssue;
        step.Show(issue is null ? "the verifier found nothing" : "verifier: " + AuditTrailCheck.Describe(issue));
        step.Expect("the tampered trail verifies", false, result.IsValid);
        step.Expect("first issue", (AuditIssueKind.Altered, instance, sequence), (issue?.Kind ?? default, issue?.InstanceId, issue?.Sequence ?? 0));

        // Put the record back: the chain checks the content, so the original record verifies again.
        await Raw.ExecuteAsync($"UPDATE {AuditTable} SET Action = 'consent.withdraw' {where}");
        var restored = await AuditTrailCheck.VerifyAsync(Services, session.Paths.AuditCheckpoints);
        step.Show($"record put back: the trail {(restored.IsValid ? "verifies again" : "still does not verify")}");
        step.Expect("the restored trail verifies", true, restored.IsValid);
    }
}
