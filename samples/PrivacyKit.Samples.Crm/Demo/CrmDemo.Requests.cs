using Microsoft.EntityFrameworkCore;
using PrivacyKit.Consent;
using PrivacyKit.Encryption;
using PrivacyKit.Requests;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private async Task ExportAsync(StepContext step)
    {
        var dpo = DemoSession.Actor("u-dora");
        var outcome = await SubjectRequestRunner.RunAsync(Services, Jane.ToString(), SubjectRequestKind.Access, dpo);
        var package = outcome.Package!;
        var json = package.ToJson();
        foreach (var group in package.Records.GroupBy(r => r.EntityType))
        {
            step.Show($"{group.Key,-10} {group.Count()} record(s): {string.Join(", ", group.First().Fields.Keys)}");
        }

        step.Show($"consent history: {package.ConsentHistory.Count} record(s); request {outcome.Request.Id} {outcome.Request.Status}, due {outcome.Request.DueAt:yyyy-MM-dd}");
        step.Show($"export: {json.Length:N0} bytes of JSON, schema {System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("schema").GetString()}");

        var history = await Services.GetRequiredService<IConsentService>().GetHistoryAsync(Jane.ToString());
        var customer = package.Records.SingleOrDefault(r => r.EntityType == "Customer");
        step.Expect("request status", SubjectRequestStatus.Completed, outcome.Request.Status);
        step.Expect("Jane's e-mail in the export", session.Seeded[Jane].Email, customer?.Fields["Email"]);
        step.Expect("consent records in the export", history.Count, package.ConsentHistory.Count);
        step.Expect("her contact's e-mail in the export", json.Contains("john.doe@example.com", StringComparison.Ordinal), "no contact e-mail");
    }

    private async Task EraseAsync(StepContext step)
    {
        var dpo = DemoSession.Actor("u-dora");
        var omar = session.Seeded[Omar];
        var outcome = await SubjectRequestRunner.RunAsync(Services, Omar.ToString(), SubjectRequestKind.Erasure, dpo);
        var certificate = outcome.Certificate!;
        foreach (var entry in certificate.Entries)
        {
            step.Show($"{entry.Action,-9} {entry.EntityType,-9} {entry.RecordCount} record(s) in {entry.Source}");
        }

        using var asDpo = session.ActAs("u-dora");
        var (rowsLeft, omarRow) = await session.InScopeAsync(async sp =>
        {
            var crm = sp.GetRequiredService<CrmDbContext>();
            var dependents = await crm.Notes.CountAsync(n => n.CustomerId == Omar) + await crm.Activities.CountAsync(a => a.CustomerId == Omar)
                + await crm.Contacts.CountAsync(c => c.CustomerId == Omar) + await crm.Deals.CountAsync(d => d.CustomerId == Omar);
            return (dependents, await crm.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Omar));
        });
        var omarValues = new[] { omar.FirstName, omar.LastName, omar.Email, omar.Phone ?? "" };
        var readable = omarRow is null ? [] : new[] { omarRow.FirstName, omarRow.LastName, omarRow.Email, omarRow.Phone ?? "" }.Intersect(omarValues).ToList();
        step.Show($"Omar's customer row: {(omarRow is null ? "deleted" : $"kept, emptied ({readable.Count} personal values left)")}; his notes, contacts, activities and deals: {rowsLeft} left");
        var encryptor = Services.GetRequiredService<IFieldEncryptor>();
        var omarStatus = encryptor.TryDecryptText<string>(session.Ciphertexts[(Omar, "Email")], FieldContext(Omar, "Email"), out _);
        var janeStatus = encryptor.TryDecryptText<string>(session.Ciphertexts[(Jane, "Email")], FieldContext(Jane, "Email"), out var janeEmail);
        step.Show($"his encrypted e-mail (as a backup holds it) now decrypts to: {omarStatus}");
        step.Show($"certificate: complete = {certificate.IsComplete}, {certificate.ToJson().Length:N0} bytes of JSON, no personal values");

        step.Expect("certificate complete", true, certificate.IsComplete);
        step.Expect("a shredded data key in the certificate", certificate.Shredded.Count > 0, "no shredded entry");
        step.Expect("Omar's dependent rows left", 0, rowsLeft);
        step.Expect("Omar's personal values left in his row", 0, readable.Count);
        step.Expect("decrypting Omar's e-mail", DecryptionStatus.Erased, omarStatus);
        step.Expect("decrypting Jane's e-mail", (DecryptionStatus.Success, session.Seeded[Jane].Email), (janeStatus, janeEmail));
        step.Expect("the certificate names no personal value", !certificate.ToJson().Contains(omar.Email, StringComparison.OrdinalIgnoreCase), "Omar's e-mail");
    }
}
