using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Jobs;
using PrivacyKit.Samples.Crm.Operator;

namespace PrivacyKit.Samples.Crm.Demo;

public sealed partial class CrmDemo
{
    private static readonly (Guid Id, string First, string Last, string Email)[] Legacy =
    [
        (Guid.Parse("00000000-0000-0000-0000-00000000c101"), "Ada", "Lindqvist", "ada.lindqvist@example.se"),
        (Guid.Parse("00000000-0000-0000-0000-00000000c102"), "Kwame", "Mensah", "kwame.mensah@example.org"),
    ];

    private async Task EncryptExistingAsync(StepContext step)
    {
        // Rows a legacy import wrote before the retrofit: plaintext in the columns PrivacyKit now encrypts.
        foreach (var (id, first, last, email) in Legacy)
        {
            await Raw.ExecuteAsync(
                "INSERT INTO Customers (Id, OwnerId, TeamId, FirstName, LastName, Email, Phone, DateOfBirth, AnnualIncome, CreatedAt) " +
                "VALUES ($id, 'u-bob', 'north', $first, $last, $email, '+46 8 555 0101', '1981-07-02', '61000', '2025-01-15 09:00:00+00:00')",
                ("$id", id.ToString().ToUpperInvariant()), ("$first", first), ("$last", last), ("$email", email));
        }

        var ada = Legacy[0];
        step.Show($"raw, before: {Shorten((await Raw.RowsAsync("Customers", "Id", ada.Id)).Single()["Email"])}");
        var unreadable = await ReadLegacyAsync();
        step.Show($"the CRM reading them now: {unreadable}");

        var jobs = Services.GetRequiredService<IPrivacyKitJobs>();
        var dryRun = await jobs.EncryptExistingAsync(new PrivacyKitJobOptions { DryRun = true });
        step.Show($"dry run: {dryRun.Examined} rows examined, {dryRun.Changed} to encrypt, {dryRun.AlreadyDone} already encrypted");
        var progress = new List<PrivacyKitJobProgress>();
        var result = await jobs.EncryptExistingAsync(new PrivacyKitJobOptions { BatchSize = 2 }, new SynchronousProgress<PrivacyKitJobProgress>(progress.Add));
        foreach (var p in progress.Where(p => p.Changed > 0))
        {
            step.Show($"progress after {p.EntityType}: {p.Examined} rows examined, {p.Changed} encrypted, {p.AlreadyDone} already encrypted");
        }

        step.Show($"encrypt-existing: {result.Examined} examined, {result.Changed} encrypted, {result.AlreadyDone} already encrypted, {result.Skipped} skipped");
        var again = await jobs.EncryptExistingAsync();
        var after = (await Raw.RowsAsync("Customers", "Id", ada.Id)).Single();
        step.Show($"raw, after: {Shorten(after["Email"])}; run again: {again.Changed} encrypted (nothing left)");
        var read = await ReadLegacyAsync();
        step.Show($"the CRM reading them now: {read}");

        // The job writes each row's blind index in the same statement as its ciphertext.
        var found = await AsDpoAsync(db => db.Customers.AsNoTracking().WhereEquals(c => c.Email, ada.Email).Select(c => c.Id).ToListAsync());
        step.Show($"WhereEquals(c => c.Email, \"{ada.Email}\") finds {found.Count} customer");

        step.Expect("the CRM refuses plaintext in an encrypted column", true, unreadable.StartsWith("refused", StringComparison.Ordinal));
        step.Expect("values encrypted", (dryRun.Changed, true), (result.Changed, result.Changed > 0));
        step.Expect("values left to encrypt on a second run", 0L, again.Changed);
        step.Expect("Ada's e-mail column after the job", true, after["Email"]?.StartsWith("pk1:", StringComparison.Ordinal) == true);
        step.Expect("the legacy customers through the DbContext", string.Join(", ", Legacy.Select(l => l.Email)), read);
        step.Expect("Ada found by e-mail", ada.Id.ToString(), string.Join(", ", found));
    }

    private async Task<string> ReadLegacyAsync()
    {
        try
        {
            var ids = Legacy.Select(l => l.Id).ToList();
            var rows = await AsDpoAsync(db => db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToListAsync());
            return string.Join(", ", rows.OrderBy(c => c.Id).Select(c => c.Email));
        }
        catch (Exception ex) when (ex is PrivacyKitException or InvalidOperationException)
        {
            return $"refused ({ex.GetType().Name})";
        }
    }
}
