using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Jobs;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Tests.Jobs;

public sealed class PrivacyKitJobsTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EncryptExistingAsync_PlaintextColumns_EncryptsInPlaceAndEveryValueDecrypts(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await JobTestHost.CreateAsync(db, customers: 23, notes: 10);
        var reports = new List<PrivacyKitJobProgress>();

        var result = await host.Jobs.EncryptExistingAsync(new PrivacyKitJobOptions { BatchSize = 7 }, new SyncProgress(reports.Add));

        var values = host.Customers.Values.Count(c => c.Email is not null) + host.Customers.Values.Count(c => c.BirthDate is not null) + host.Notes.Values.Count(n => n is not null);
        Assert.Equal(values, await host.AssertEveryValueIntactAsync(requireEncrypted: true));
        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.EncryptExisting, false, 33, 29, 4, 0), result);
        Assert.Equal(new PrivacyKitJobProgress(PrivacyKitJob.EncryptExisting, nameof(JobNote), 33, 29, 4), reports[^1]);
        Assert.Equal(4 + 2, reports.Count);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Examined > p.First.Examined));

        // No plaintext is left in the table; the canary appears in no log line.
        await using (var connection = await db.OpenRawConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT COUNT(*) FROM \"Customers\" WHERE \"Email\" LIKE '%@example%'";
            Assert.Equal(0L, Convert.ToInt64(await command.ExecuteScalarAsync()));
        }

        Assert.DoesNotContain(host.Logs.Entries, e => e.Text.Contains("canary", StringComparison.OrdinalIgnoreCase) || e.Text.Contains("example.com", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 7203);

        // Running it again finds everything done.
        var again = await host.Jobs.EncryptExistingAsync(new PrivacyKitJobOptions { BatchSize = 7 });
        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.EncryptExisting, false, 33, 0, 33, 0), again);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EncryptExistingAsync_PlaintextNotOfThePropertyType_IsSkippedWithoutQuotingIt(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await JobTestHost.CreateAsync(db, customers: 3);
        await using (var context = host.CreateContext())
        {
            var customer = await context.Customers.SingleAsync(c => c.Id == 2);
            context.Entry(customer).Property(CrmJobContext.BirthDateColumn).CurrentValue = "born-canary-day";
            await context.SaveChangesAsync();
        }

        var result = await host.Jobs.EncryptExistingAsync();

        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.EncryptExisting, false, 3, 3, 0, 1), result);
        await using (var context = host.CreateContext())
        {
            var stored = await context.Customers.Where(c => c.Id == 2)
                .Select(c => new { Email = EF.Property<string>(c, CrmJobContext.EmailColumn), BirthDate = EF.Property<string>(c, CrmJobContext.BirthDateColumn) }).SingleAsync();
            Assert.True(FieldCiphertext.IsEncrypted(stored.Email));
            Assert.Equal("born-canary-day", stored.BirthDate);
        }

        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 7204 && e.Text.Contains("cannot be read as DateOnly", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Entries, e => e.Text.Contains("born-canary", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EncryptExistingAsync_DryRun_CountsAndChangesNothing(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await JobTestHost.CreateAsync(db, customers: 12, notes: 4);

        var result = await host.Jobs.EncryptExistingAsync(new PrivacyKitJobOptions { BatchSize = 5, DryRun = true });

        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.EncryptExisting, true, 16, 15, 1, 0), result);
        Assert.Equal(0, await host.AssertEveryValueIntactAsync(requireEncrypted: false));
        Assert.Empty(await ListKeysAsync(host.KeyStore));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EncryptExistingAsync_OneEntityType_LeavesTheOthers(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await JobTestHost.CreateAsync(db, customers: 3, notes: 3);
        var options = new PrivacyKitJobOptions();
        options.EntityTypes.Add(nameof(JobNote));

        var result = await host.Jobs.EncryptExistingAsync(options);

        Assert.Equal(3, result.Examined);
        Assert.Equal(2, await host.AssertEveryValueIntactAsync(requireEncrypted: false));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ReencryptAsync_AfterRotatingSomeSubjects_MovesOnlyTheirValuesToTheNewVersion(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await JobTestHost.CreateAsync(db, customers: 6, notes: 2);
        await host.Jobs.EncryptExistingAsync();
        var rotated = host.Customers[2].Subject.ToString("D");
        Assert.Equal(2, (await host.KeyManager.RotateDataKeyAsync(EncryptionScope.ForSubject(rotated))).Version);

        var dryRun = await host.Jobs.ReencryptAsync(new PrivacyKitJobOptions { DryRun = true });
        var result = await host.Jobs.ReencryptAsync(new PrivacyKitJobOptions { BatchSize = 4 });

        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.Reencrypt, true, 8, 1, 7, 0), dryRun);
        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.Reencrypt, false, 8, 1, 7, 0), result);
        await host.AssertEveryValueIntactAsync(requireEncrypted: true);
        await using var context = host.CreateContext();
        var email = await context.Customers.Where(c => c.Id == 2).Select(c => EF.Property<string>(c, CrmJobContext.EmailColumn)).SingleAsync();
        Assert.True(FieldCiphertext.TryGetKeyReference(email, out var reference));
        Assert.Equal(2, reference.Version);
        Assert.Equal(0, (await host.Jobs.ReencryptAsync()).Changed);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ReencryptAsync_PlaintextAndShreddedValues_AreSkippedAndLeftAsTheyWere(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await JobTestHost.CreateAsync(db, customers: 3);
        var options = new PrivacyKitJobOptions();
        options.EntityTypes.Add(nameof(JobCustomer));

        var plaintext = await host.Jobs.ReencryptAsync(options);
        await host.Jobs.EncryptExistingAsync();
        await host.KeyManager.ShredAsync(EncryptionScope.ForSubject(host.Customers[1].Subject.ToString("D")));
        var shredded = await host.Jobs.ReencryptAsync(options);

        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.Reencrypt, false, 3, 0, 0, 3), plaintext);
        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.Reencrypt, false, 3, 0, 2, 1), shredded);
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 7204 && e.Text.Contains("not encrypted yet", StringComparison.Ordinal));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 7204 && e.Text.Contains("shredded", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RewrapKeysAsync_AfterKekRotation_RewrapsEveryLiveKeyAndValuesStillDecrypt(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        using var kek = new InMemoryKeyEncryptionKey();
        await using var host = await JobTestHost.CreateAsync(db, kek, customers: 5, notes: 1);
        await host.Jobs.EncryptExistingAsync();
        await host.KeyManager.ShredAsync(EncryptionScope.ForSubject(host.Customers[3].Subject.ToString("D")));
        var oldKek = kek.KeyId;
        var newKek = kek.Rotate();

        var dryRun = await host.Jobs.RewrapKeysAsync(new PrivacyKitJobOptions { DryRun = true });
        var result = await host.Jobs.RewrapKeysAsync(new PrivacyKitJobOptions { BatchSize = 2 });
        var again = await host.Jobs.RewrapKeysAsync();

        // 5 subjects + the notes' entity key; one subject shredded.
        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.RewrapKeys, true, 6, 5, 1, 0), dryRun);
        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.RewrapKeys, false, 6, 5, 1, 0), result);
        Assert.Equal(0, again.Changed);
        var keys = await ListKeysAsync(host.KeyStore);
        Assert.All(keys.Where(k => !k.IsShredded), k => Assert.Equal(newKek, k.KeyEncryptionKeyId));
        Assert.Equal(oldKek, Assert.Single(keys, k => k.IsShredded).KeyEncryptionKeyId);
        Assert.Contains(host.Audit.Events, e => e.Action == "kek.rewrap" && e.Properties!["rewrapped"] == "5");

        // A new instance (empty key cache) unwraps under the new KEK and reads every value but the shredded subject's.
        await using var fresh = await JobTestHost.CreateAsync(db, kek);
        foreach (var (id, customer) in host.Customers.Where(c => c.Key != 3 && c.Value.Email is not null))
        {
            await using var context = fresh.CreateContext();
            var stored = await context.Customers.Where(c => c.Id == id).Select(c => EF.Property<string>(c, CrmJobContext.EmailColumn)).SingleAsync();
            Assert.Equal(customer.Email, fresh.Encryptor.DecryptText<string>(stored, EncryptionContext.ForSubject(nameof(JobCustomer), nameof(JobCustomer.Email), customer.Subject.ToString("D"))));
        }
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ShredSubjectAsync_DryRunThenRun_MakesOnlyThatSubjectUnreadable(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await JobTestHost.CreateAsync(db, customers: 3);
        await host.Jobs.EncryptExistingAsync();
        var subject = host.Customers[2].Subject.ToString("D");
        await host.KeyManager.RotateDataKeyAsync(EncryptionScope.ForSubject(subject));

        var dryRun = await host.Jobs.ShredSubjectAsync(subject, new PrivacyKitJobOptions { DryRun = true });
        Assert.Equal(6, await host.AssertEveryValueIntactAsync(requireEncrypted: true));
        var result = await host.Jobs.ShredSubjectAsync(subject);
        var again = await host.Jobs.ShredSubjectAsync(subject);

        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.ShredSubject, true, 2, 2, 0, 0), dryRun);
        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.ShredSubject, false, 2, 2, 0, 0), result);
        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.ShredSubject, false, 2, 0, 2, 0), again);
        var context = EncryptionContext.ForSubject(nameof(JobCustomer), nameof(JobCustomer.Email), subject);
        await Assert.ThrowsAsync<FieldEncryptionException>(async () => await host.Encryptor.EncryptAsync("new@example.org", context));
        await using var db2 = host.CreateContext();
        var stored = await db2.Customers.Where(c => c.Id == 2).Select(c => EF.Property<string>(c, CrmJobContext.EmailColumn)).SingleAsync();
        Assert.Equal(DecryptionStatus.Erased, host.Encryptor.TryDecryptText<string>(stored, context, out _));
        var other = host.Customers[1];
        Assert.Equal(other.Email, await host.Encryptor.DecryptAsync<string>(FieldCiphertext.FromText(
            await db2.Customers.Where(c => c.Id == 1).Select(c => EF.Property<string>(c, CrmJobContext.EmailColumn)).SingleAsync()),
            EncryptionContext.ForSubject(nameof(JobCustomer), nameof(JobCustomer.Email), other.Subject.ToString("D"))));
    }

    [Fact]
    public async Task PublicMethods_BadArguments_ThrowBeforeTouchingTheDatabase()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await JobTestHost.CreateAsync(db);

        var tooSmall = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Jobs.EncryptExistingAsync(new PrivacyKitJobOptions { BatchSize = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Jobs.ReencryptAsync(new PrivacyKitJobOptions { BatchSize = PrivacyKitJobOptions.MaxBatchSize + 1 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Jobs.RewrapKeysAsync(new PrivacyKitJobOptions { BatchSize = -1 }));
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Jobs.ShredSubjectAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Jobs.ShredSubjectAsync(""));
        Assert.Contains("BatchSize", tooSmall.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => EntityFrameworkPrivacyKitBuilderExtensions.AddEntityFrameworkJobs<CrmJobContext>(null!));
    }

    internal static async Task<List<DataKeyRecord>> ListKeysAsync(IDataKeyStore store)
    {
        var keys = new List<DataKeyRecord>();
        await foreach (var key in store.ListAsync())
        {
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
    internal sealed class SyncProgress(Action<PrivacyKitJobProgress> report) : IProgress<PrivacyKitJobProgress>
    {
        public void Report(PrivacyKitJobProgress value) => report(value);
    }
}
