using Microsoft.Extensions.Compliance.Classification;
using PrivacyKit.Classification;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private Task DataMapAsync(StepContext step)
    {
        var map = Services.GetRequiredService<IDataMapProvider>().GetDataMap();
        foreach (var entity in map.Entities)
        {
            var fields = entity.Fields.Where(f => f.Classification != DataClassification.None || f.IsSubjectId)
                .Select(f => $"{f.Name}{(f.IsSubjectId ? " [subject id]" : "")}{(f.Protection == FieldProtection.Clear ? "" : $" [{f.Protection}]")}");
            step.Show($"{entity.Name,-9} (table {entity.Table ?? "?"}) {string.Join(", ", fields)}");
        }

        var findings = map.CheckPosture();
        foreach (var finding in findings)
        {
            step.Show($"finding ({finding.Severity}): {finding.Message}");
        }

        step.Show("high findings stop a release (data-map exits 1); medium ones are the team's to-do list, here retention periods still to decide");
        var email = map.FindEntity("Customer")?.Fields.SingleOrDefault(f => f.Name == "Email");
        step.Expect("Customer.Email protection", FieldProtection.Encrypted | FieldProtection.BlindIndex, email?.Protection);
        step.Expect("high-severity findings", 0, findings.Count(f => f.Severity == PostureSeverity.High));
        step.Expect("Customer's table, from the EF Core model", "Customers", map.FindEntity("Customer")?.Table);
        return Task.CompletedTask;
    }
}
