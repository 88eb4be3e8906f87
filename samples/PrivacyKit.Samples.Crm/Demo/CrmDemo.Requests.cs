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

        // The raw database: what is left of Omar anywhere in the file.
        var rawRow = (await Raw.RowsAsync("Customers", "Id", Omar)).SingleOrDefault();
        var dependents = 0;
        foreach (var table in new[] { "Contacts", "Notes", "Activities", "Deals" })
        {
            dependents += (await Raw.RowsAsync(table, "CustomerId", Omar)).Count;
        }

        var encrypted = rawRow?.Where(c => c.Value?.StartsWith("pk1:", StringComparison.Ordinal) == true).ToList() ?? [];
        var statuses = encrypted.Select(c => Services.GetRequiredService<IFieldEncryptor>().TryDecryptText<string>(c.Value!, FieldContext(Omar, c.Key), out _)).Distinct().ToList();
        step.Show(rawRow is null ? "Omar's customer row: deleted" :
            $"Omar's customer row, raw: {string.Join(", ", encrypted.Select(c => c.Key))} hold ciphertext under his shredded key ({string.Join(", ", statuses)}); " +
            string.Join(", ", rawRow.Where(c => c.Value is null).Select(c => $"{c.Key} NULL")));
        step.Show($"his contacts, notes, activities and deals: {dependents} rows left");
        var omarValues = new[] { omar.FirstName, omar.LastName, omar.Email, omar.Phone! };
        await Services.GetRequiredService<PrivacyKit.Audit.IAuditPipeline>().FlushAsync();
        var file = await File.ReadAllBytesAsync(session.Paths.Database);
        var inFile = omarValues.Count(v => System.Text.Encoding.UTF8.GetString(file).Contains(v, StringComparison.OrdinalIgnoreCase));
        step.Show($"Omar's name, e-mail or phone anywhere in the database file: {inFile} found");
        step.Expect("Omar's dependent rows left", 0, dependents);
        step.Expect("Omar's personal values in the database file", 0, inFile);
        step.Expect("Omar's e-mail blind index cleared", null, rawRow?.GetValueOrDefault("EmailBlindIndex"));
        step.Expect("Omar's encrypted columns", DecryptionStatus.Erased.ToString(), string.Join(", ", statuses));

        var encryptor = Services.GetRequiredService<IFieldEncryptor>();
        var omarStatus = encryptor.TryDecryptText<string>(session.Ciphertexts[(Omar, "Email")], FieldContext(Omar, "Email"), out _);
        var janeStatus = encryptor.TryDecryptText<string>(session.Ciphertexts[(Jane, "Email")], FieldContext(Jane, "Email"), out var janeEmail);
        step.Show($"his encrypted e-mail (as a backup holds it) now decrypts to: {omarStatus}");
        step.Show($"certificate: complete = {certificate.IsComplete}, {certificate.ToJson().Length:N0} bytes of JSON, no personal values");

        step.Expect("certificate complete", true, certificate.IsComplete);
        step.Expect("a shredded data key in the certificate", certificate.Shredded.Count > 0, "no shredded entry");
        step.Expect("decrypting Omar's e-mail", DecryptionStatus.Erased, omarStatus);
        step.Expect("decrypting Jane's e-mail", (DecryptionStatus.Success, session.Seeded[Jane].Email), (janeStatus, janeEmail));
        step.Expect("the certificate names no personal value", !certificate.ToJson().Contains(omar.Email, StringComparison.OrdinalIgnoreCase), "Omar's e-mail");
    }
}
