using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Query;
using PrivacyKit.Keys;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Domain;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private async Task RawRowAsync(StepContext step)
    {
        var seeded = session.Seeded[Jane];
        var raw = (await Raw.RowsAsync("Customers", "Id", Jane)).Single();
        step.Show("SELECT * FROM Customers WHERE Id = Jane's id (the database file):");
        foreach (var (column, value) in raw)
        {
            step.Show($"  {column,-16} {Shorten(value)}");
        }

        var jane = await AsDpoAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == Jane));
        step.Show("db.Customers.SingleAsync(c => c.Id == Jane) (the CRM's code):");
        step.Show($"  {jane.FirstName} {jane.LastName}, {jane.Email}, {jane.Phone}, born {jane.DateOfBirth:yyyy-MM-dd}, income {jane.AnnualIncome}, health notes: {jane.HealthNotes}");

        // What a backup holds: every customer's e-mail ciphertext, kept to show what erasure and rotation do to it.
        foreach (var row in await Raw.QueryAsync("SELECT Id, Email FROM Customers", r => (Guid.Parse(r.GetString(0)), r.GetString(1))))
        {
            session.Ciphertexts[(row.Item1, "Email")] = row.Item2;
        }

        var plaintexts = new[] { seeded.FirstName, seeded.LastName, seeded.Email, seeded.Phone!, seeded.HealthNotes! };
        var inventory = await Services.GetRequiredService<IDataKeyManager>().GetInventoryAsync();
        step.Show($"data keys: {inventory.Scopes} scopes (one per customer), wrapped by {inventory.CurrentKeyEncryptionKeyId}, in privacykit_data_keys");
        step.Expect("Jane's e-mail column holds PrivacyKit ciphertext", raw["Email"]?.StartsWith("pk1:", StringComparison.Ordinal) == true, Shorten(raw["Email"]));
        step.Expect("Jane's plaintext values in her raw row", 0, plaintexts.Count(p => raw.Values.Any(v => v?.Contains(p, StringComparison.OrdinalIgnoreCase) == true)));
        step.Expect("Jane through the DbContext",
            (seeded.FirstName, seeded.LastName, seeded.Email, seeded.Phone, seeded.DateOfBirth, seeded.AnnualIncome, seeded.HealthNotes),
            (jane.FirstName, jane.LastName, jane.Email, jane.Phone, jane.DateOfBirth, jane.AnnualIncome, jane.HealthNotes));
        step.Expect("one data key per customer", session.Seeded.Count, inventory.Scopes);
    }

    private async Task SearchAsync(StepContext step)
    {
        const string typed = "  Jane.Doe@EXAMPLE.com ";
        var (found, sql) = await AsDpoAsync(async db =>
        {
            var query = db.Customers.AsNoTracking().WhereEquals(c => c.Email, typed);
            return (await query.ToListAsync(), query.ToQueryString());
        });
        var filter = sql.Split('\n').FirstOrDefault(l => l.Contains("WHERE", StringComparison.Ordinal))?.Trim();
        step.Show($"db.Customers.WhereEquals(c => c.Email, \"{typed}\") -> {string.Join(", ", found.Select(c => $"{c.FirstName} {c.LastName}"))}");
        step.Show($"SQL: {filter} (the value is normalised and hashed with a key of its own; nothing is decrypted to search)");
        step.Expect("customers found by e-mail", Jane.ToString(), string.Join(", ", found.Select(c => c.Id)));

        string refused;
        try
        {
            await AsDpoAsync(db => db.Customers.Where(c => c.Email == typed).ToListAsync());
            refused = "(ran)";
        }
        catch (EncryptedQueryNotSupportedException ex)
        {
            refused = ex.GetType().Name;
        }

        step.Show($"db.Customers.Where(c => c.Email == ...) -> {refused}: comparing ciphertext would silently find nothing");
        step.Expect("a plain Where on the encrypted e-mail", nameof(EncryptedQueryNotSupportedException), refused);
    }

    /// <summary>Runs a query as the data protection officer, whose role reads every customer and every field in clear.</summary>
    private async Task<T> AsDpoAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        using var dpo = session.ActAs("u-dora");
        return await session.InScopeAsync(sp => query(sp.GetRequiredService<CrmDbContext>()));
    }

    private static string Shorten(string? value) =>
        value is null ? "NULL" : value.Length <= 60 ? value : value[..57] + "...";
}
