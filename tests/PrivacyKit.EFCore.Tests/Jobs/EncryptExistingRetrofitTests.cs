using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Jobs;
using PrivacyKit.EFCore.Tests.EndToEnd;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Tests.Jobs;

/// <summary>
/// Retrofitting a CRM registered with UsePrivacyKit: its tables were filled in plaintext (blind-index columns empty)
/// before the attributes were added; <see cref="IPrivacyKitJobs.EncryptExistingAsync"/> encrypts them in place and
/// back-fills the blind indexes, so <c>WhereEquals</c> finds the pre-existing rows — also when killed and resumed.
/// </summary>
public sealed class EncryptExistingRetrofitTests
{
    private const int Customers = 23;

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EncryptExistingAsync_PlainTablesKilledAndResumed_EncryptsAndIndexesSoWhereEqualsFinds(string provider)
    {
        await using var app = await CrmApp.CreateAsync(provider);
        var rows = await InsertPlaintextAsync(app);
        var jobs = Assert.IsType<PrivacyKitJobs<E2eCrmContext>>(app.Jobs);
        var options = new PrivacyKitJobOptions { BatchSize = 5 };

        // Killed: before the 4th row UPDATE, then before the 3rd COMMIT, then cancelled after the first reported batch.
        var writes = 0;
        var commits = 0;
        jobs.BeforeStep = step => (step == "write" && ++writes == 4) || (step == "commit" && ++commits == 3)
            ? throw new IOException("simulated crash")
            : ValueTask.CompletedTask;
        await Assert.ThrowsAsync<IOException>(() => jobs.EncryptExistingAsync(options));
        await AssertIntactAsync(app, rows);
        await Assert.ThrowsAsync<IOException>(() => jobs.EncryptExistingAsync(options));
        await AssertIntactAsync(app, rows);
        jobs.BeforeStep = null;
        using (var cancel = new CancellationTokenSource())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => jobs.EncryptExistingAsync(options, new SyncProgress(_ => cancel.Cancel()), cancel.Token));
        }

        await AssertIntactAsync(app, rows);
        var result = await jobs.EncryptExistingAsync(options);
        Assert.True(result.Changed > 0 && result.AlreadyDone > 0, result.ToString());
        Assert.Equal(0, result.Skipped);

        var stored = await AssertIntactAsync(app, rows);
        Assert.All(stored, s => Assert.True(s.Encrypted, $"{s.Column} of {s.Name} is still plaintext"));
        Assert.All(stored.Where(s => s.Index is not null), s => Assert.NotNull(s.StoredIndex));
        // Values encrypted without their index (by an earlier version of the job) get it, their ciphertext unchanged.
        await using (var connection = await app.Database.OpenRawConnectionAsync())
        {
            await ExecuteAsync(app, connection, "UPDATE customers SET \"EmailBlindIndex\" = NULL WHERE \"Name\" IN ('retro-01', 'retro-02')");
            await ExecuteAsync(app, connection, "UPDATE contacts SET \"PhoneBlindIndex\" = NULL");
        }

        var reindexed = await jobs.EncryptExistingAsync(options);
        Assert.Equal(2 + Customers, reindexed.Changed);
        Assert.Equal(stored, await AssertIntactAsync(app, rows));

        var again = await jobs.EncryptExistingAsync(options);
        Assert.Equal((0L, (long)Customers * 3), (again.Changed, again.AlreadyDone));

        using (app.As("dpo-1", "dpo"))
        {
            foreach (var row in rows)
            {
                var customer = await app.InScopeAsync(db => db.Customers.AsNoTracking().Include(c => c.Contacts).Include(c => c.Deals)
                    .WhereEquals(c => c.Email, "  " + row.Email.ToUpperInvariant()).SingleAsync());
                Assert.Equal((row.Id, row.Email, row.HealthNote), (customer.Id, customer.Email, customer.HealthNote));
                Assert.Equal(row.Phone, Assert.Single(customer.Contacts).Phone);
                Assert.Equal(row.Amount, Assert.Single(customer.Deals).Amount);
                var contact = await app.InScopeAsync(db => db.Contacts.AsNoTracking().WhereEquals(c => c.Phone, row.Phone.Replace(" ", "-", StringComparison.Ordinal)).SingleAsync());
                Assert.Equal(row.Id, contact.CustomerId);
            }
        }

        // The index the job wrote is the one the save interceptor writes for the same value.
        var first = rows[0];
        var before = stored.Single(s => s.Name == first.Name && s.Column == "Email").StoredIndex;
        using (app.As("rep-1", "sales-rep"))
        {
            await app.InScopeAsync(async db =>
            {
                var customer = await db.Customers.SingleAsync(c => c.Name == first.Name);
                customer.Email = first.Email + ".tmp";
                await db.SaveChangesAsync();
                customer.Email = first.Email;
                await db.SaveChangesAsync();
            });
        }

        Assert.Equal(before, (await ReadCustomerColumnsAsync(app)).Single(s => s.Name == first.Name && s.Column == "Email").StoredIndex);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EncryptExistingAsync_DryRun_CountsAndWritesNothing(string provider)
    {
        await using var app = await CrmApp.CreateAsync(provider);
        var rows = await InsertPlaintextAsync(app);

        var result = await app.Jobs.EncryptExistingAsync(new PrivacyKitJobOptions { DryRun = true, BatchSize = 4 });

        Assert.Equal((Customers * 3L, Customers * 3L), (result.Examined, result.Changed));
        var stored = await AssertIntactAsync(app, rows);
        Assert.All(stored, s => Assert.False(s.Encrypted));
        Assert.All(stored, s => Assert.Null(s.StoredIndex));
    }

    private sealed record Plain(Guid Id, string Name, string Email, string HealthNote, string Phone, decimal Amount);

    private sealed record Stored(string Name, string Column, string Value, bool Encrypted, string? Index, string? StoredIndex);

    /// <summary>Fills the tables as the CRM did before the retrofit: plaintext in the (now ciphertext) columns, no blind indexes.</summary>
    private static async Task<List<Plain>> InsertPlaintextAsync(CrmApp app)
    {
        var rows = Enumerable.Range(1, Customers).Select(i => new Plain(
            Guid.NewGuid(), $"retro-{i:D2}", $"retro{i}@example.org", $"health-retro-{i}", $"+49 30 {1000 + i}", 10.5m * i)).ToList();
        await using var connection = await app.Database.OpenRawConnectionAsync();
        foreach (var row in rows)
        {
            await ExecuteAsync(app, connection, "INSERT INTO customers (\"Id\", \"OwnerId\", \"Name\", \"Email\", \"HealthNote\") VALUES (@p0, 'rep-1', @p1, @p2, @p3)", row.Id, row.Name, row.Email, row.HealthNote);
            await ExecuteAsync(app, connection, "INSERT INTO contacts (\"Id\", \"CustomerId\", \"FullName\", \"Phone\") VALUES (@p0, @p1, @p2, @p3)", Guid.NewGuid(), row.Id, "contact " + row.Name, row.Phone);
            await ExecuteAsync(app, connection, "INSERT INTO deals (\"Id\", \"CustomerId\", \"Title\", \"Amount\") VALUES (@p0, @p1, 'renewal', @p2)", Guid.NewGuid(), row.Id, row.Amount.ToString(CultureInfo.InvariantCulture));
        }

        return rows;
    }

    private static async Task ExecuteAsync(CrmApp app, DbConnection connection, string sql, params object[] values)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            // EF Core stores GUIDs as upper-case text on SQLite and as uuid on PostgreSQL.
            parameter.Value = values[i] is Guid guid && app.Database.Provider == DatabaseProvider.Sqlite ? guid.ToString("D").ToUpperInvariant() : values[i];
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every encrypted column of the retrofitted rows, raw: each must be its original plaintext or a ciphertext of it, with its index when encrypted.</summary>
    private static async Task<List<Stored>> AssertIntactAsync(CrmApp app, List<Plain> rows)
    {
        var stored = await ReadCustomerColumnsAsync(app);
        Assert.Equal(rows.Count * 4, stored.Count);
        var encryptor = app.Services.GetService(typeof(IFieldEncryptor)) as IFieldEncryptor ?? throw new InvalidOperationException("no encryptor");
        foreach (var value in stored)
        {
            var row = rows.Single(r => r.Name == value.Name);
            var (entity, original) = value.Column switch
            {
                "Email" => ("E2eCustomer", row.Email),
                "HealthNote" => ("E2eCustomer", row.HealthNote),
                "Phone" => ("E2eContact", row.Phone),
                _ => ("E2eDeal", row.Amount.ToString(CultureInfo.InvariantCulture)),
            };
            if (!value.Encrypted)
            {
                Assert.Equal(original, value.Value);
                Assert.Null(value.StoredIndex);
                continue;
            }

            var context = EncryptionContext.ForSubject(entity, value.Column, row.Id.ToString("D"));
            var plaintext = value.Column == "Amount"
                ? (await encryptor.DecryptAsync<decimal>(FieldCiphertext.FromText(value.Value), context)).ToString(CultureInfo.InvariantCulture)
                : await encryptor.DecryptAsync<string>(FieldCiphertext.FromText(value.Value), context);
            Assert.Equal(original, plaintext);
            if (value.Index is not null)
            {
                Assert.NotNull(value.StoredIndex); // written in the same UPDATE as the ciphertext
            }
        }

        return stored;
    }

    private static async Task<List<Stored>> ReadCustomerColumnsAsync(CrmApp app)
    {
        await using var connection = await app.Database.OpenRawConnectionAsync();
        var stored = new List<Stored>();
        await ReadAsync("SELECT c.\"Name\", c.\"Email\", c.\"EmailBlindIndex\" FROM customers c ORDER BY c.\"Name\"", "Email", true);
        await ReadAsync("SELECT c.\"Name\", c.\"HealthNote\", NULL FROM customers c ORDER BY c.\"Name\"", "HealthNote", false);
        await ReadAsync("SELECT c.\"Name\", x.\"Phone\", x.\"PhoneBlindIndex\" FROM contacts x JOIN customers c ON c.\"Id\" = x.\"CustomerId\" ORDER BY c.\"Name\"", "Phone", true);
        await ReadAsync("SELECT c.\"Name\", d.\"Amount\", NULL FROM deals d JOIN customers c ON c.\"Id\" = d.\"CustomerId\" ORDER BY c.\"Name\"", "Amount", false);
        return stored;

        async Task ReadAsync(string sql, string column, bool indexed)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var value = reader.GetString(1);
                stored.Add(new Stored(reader.GetString(0), column, value, FieldCiphertext.IsEncrypted(value), indexed ? column : null, await reader.IsDBNullAsync(2) ? null : reader.GetString(2)));
            }
        }
    }

    /// <summary>Reports synchronously on the job's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<PrivacyKitJobProgress> report) : IProgress<PrivacyKitJobProgress>
    {
        public void Report(PrivacyKitJobProgress value) => report(value);
    }
}
