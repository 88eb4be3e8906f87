using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Auditing;

public sealed class ChangeAuditInterceptorTests
{
    private const string CanaryName = "Zelda Canary-Quinn";
    private const string CanaryEmail = "zelda.canary@example.org";

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChanges_WithEfStore_WritesOneRecordPerPersonalEntityInTheSameDatabase(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        using (host.As("u-7", "support", "agent"))
        {
            await using var context = host.CreateContext();
            var customer = NewCustomer("C-1");
            context.Customers.Add(customer);
            SimulateEncryption(context, customer);
            context.Deals.Add(new AuditDeal { Amount = 10 });
            await context.SaveChangesAsync();
            context.Contacts.Add(new AuditContact { CustomerId = customer.Id, Phone = "+44 20 7946 0958" });
            await context.SaveChangesAsync();
        }

        var records = await host.TransactionRecordsAsync();
        Assert.Equal(2, records.Count);
        var created = records[0].Event;
        Assert.Equal(AuditEventKind.Created, created.Kind);
        Assert.Equal("AuditCustomer", created.ResourceType);
        Assert.NotEqual("0", created.ResourceId);
        Assert.False(created.ResourceId!.StartsWith('-'), "the store-generated key, not a temporary one");
        Assert.Equal(created.ResourceId, created.SubjectId);
        Assert.Contains("Email", created.Fields);
        Assert.Contains("Name", created.Fields);
        Assert.DoesNotContain("EmailCiphertext", created.Fields);
        Assert.DoesNotContain("EmailIndex", created.Fields);
        Assert.Equal("u-7", created.ActorId);
        Assert.Equal(["agent"], created.ActorRoles);
        Assert.Equal("support", created.Purpose);
        Assert.Equal("corr-u-7", created.CorrelationId);
        Assert.Equal("AuditContact", records[1].Event.ResourceType);
        Assert.Equal(created.SubjectId, records[1].Event.SubjectId);
        Assert.Equal([1L, 2L], records.Select(r => r.Sequence));
        Assert.True((await host.VerifyAsync()).IsValid);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChanges_UpdateOfShadowColumns_RecordsClrFieldNamesOnly(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        await using var context = host.CreateContext();
        var customer = NewCustomer("C-1");
        context.Customers.Add(customer);
        await context.SaveChangesAsync();

        context.Entry(customer).Property("EmailCiphertext").CurrentValue = "pk1:other";
        context.Entry(customer).Property("EmailIndex").CurrentValue = "other-index";
        customer.Segment = "vip";
        await context.SaveChangesAsync();
        context.Customers.Remove(customer);
        await context.SaveChangesAsync();

        var records = await host.TransactionRecordsAsync();
        Assert.Equal([AuditEventKind.Created, AuditEventKind.Updated, AuditEventKind.Deleted], records.Select(r => r.Event.Kind));
        Assert.Equal(["Email", "Segment"], records[1].Event.Fields.Order(StringComparer.Ordinal));
        Assert.Empty(records[2].Event.Fields);
        Assert.Equal(records[0].Event.ResourceId, records[2].Event.ResourceId);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChanges_UnchangedOrNonPersonalEntities_WritesNothing(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        await using var context = host.CreateContext();
        context.Deals.Add(new AuditDeal { Amount = 1 });
        await context.SaveChangesAsync();
        await context.SaveChangesAsync();

        Assert.Empty(await host.TransactionRecordsAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChanges_ConstraintViolation_LeavesNoAuditRowsAndNextSaveContinuesTheChain(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        await using (var context = host.CreateContext())
        {
            context.Customers.Add(NewCustomer("DUP"));
            await context.SaveChangesAsync();
        }

        await using (var context = host.CreateContext())
        {
            context.Customers.Add(NewCustomer("OK-1"));
            context.Customers.Add(NewCustomer("DUP"));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await using (var context = host.CreateContext())
        {
            context.Customers.Add(NewCustomer("OK-2"));
            await context.SaveChangesAsync();
        }

        var records = await host.TransactionRecordsAsync();
        Assert.Equal(2, records.Count);
        Assert.Equal(await CountRowsAsync(host, "privacykit_audit_records"), records.Count);
        Assert.Equal(await CountRowsAsync(host, "Customers"), records.Count);
        Assert.True((await host.VerifyAsync()).IsValid);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task UserTransaction_RolledBack_LeavesNoAuditRows_CommittedKeepsEverySave(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        await using (var context = host.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            context.Customers.Add(NewCustomer("R-1"));
            await context.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Empty(await host.TransactionRecordsAsync());

        await using (var context = host.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            var customer = NewCustomer("K-1");
            context.Customers.Add(customer);
            await context.SaveChangesAsync();
            customer.Name = "Renamed";
            await context.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var records = await host.TransactionRecordsAsync();
        Assert.Equal([AuditEventKind.Created, AuditEventKind.Updated], records.Select(r => r.Event.Kind));
        Assert.Equal(["Name"], records[1].Event.Fields);
        Assert.True((await host.VerifyAsync()).IsValid);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ExternalTransaction_CommittedOrRolledBackOutsideEf_KeepsRowsAtomicWithTheChange(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        foreach (var commit in new[] { false, true })
        {
            await using var context = host.CreateContext();
            var connection = context.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await context.Database.UseTransactionAsync(transaction);
            context.Customers.Add(NewCustomer(commit ? "E-commit" : "E-rollback"));
            await context.SaveChangesAsync();
            if (commit)
            {
                await transaction.CommitAsync(); // EF Core does not see this commit
            }
            else
            {
                await transaction.RollbackAsync();
            }
        }

        var record = Assert.Single(await host.TransactionRecordsAsync());
        Assert.Equal(1L, await CountRowsAsync(host, "Customers"));
        Assert.Equal(AuditEventKind.Created, record.Event.Kind);
        Assert.True((await host.VerifyAsync()).IsValid);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChanges_Synchronous_WritesTheSameRecords(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        using (var context = host.CreateContext())
        {
            context.Customers.Add(NewCustomer("S-1"));
            context.SaveChanges();
            using var transaction = context.Database.BeginTransaction();
            context.Customers.Add(NewCustomer("S-2"));
            context.SaveChanges();
            transaction.Rollback();
        }

        Assert.Single(await host.TransactionRecordsAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task AuditRows_NeverHoldPersonalValues(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        await using (var context = host.CreateContext())
        {
            var customer = NewCustomer("P-1");
            context.Customers.Add(customer);
            await context.SaveChangesAsync();
            customer.Name = CanaryName + " II";
            await context.SaveChangesAsync();
        }

        await using var connection = await host.Database.OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM privacykit_audit_records";
        await using var reader = await command.ExecuteReaderAsync();
        var cells = 0;
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var text = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                Assert.DoesNotContain("Canary", text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain("canary", text, StringComparison.Ordinal);
                cells++;
            }
        }

        Assert.True(cells > 0);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task PipelineRecords_GoToTheStoreBesideTheTransactionChain_AndBothVerify(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        await using (var context = host.CreateContext())
        {
            context.Customers.Add(NewCustomer("X-1"));
            await context.SaveChangesAsync();
        }

        var trail = host.Services.GetRequiredService<IAuditTrail>();
        await trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.ConsentChanged, SubjectId = "1", Action = "consent.grant" });
        await trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.KeyOperation, Action = "key.create" });
        await host.Services.GetRequiredService<IAuditPipeline>().FlushAsync();

        var result = await host.VerifyAsync();
        Assert.True(result.IsValid);
        Assert.Equal(3, result.RecordCount);
        Assert.Equal(2, result.Heads["crm-1"].Sequence);
        Assert.Equal(1, result.Heads["crm-1:ef"].Sequence);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task AlteredAuditRow_IsNamedByTheVerifier(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        await using (var context = host.CreateContext())
        {
            context.Customers.Add(NewCustomer("A-1"));
            context.Customers.Add(NewCustomer("A-2"));
            await context.SaveChangesAsync();
        }

        await using (var connection = await host.Database.OpenRawConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE privacykit_audit_records SET \"ActorId\" = 'someone-else' WHERE \"Sequence\" = 2";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var result = await host.VerifyAsync();
        var issue = Assert.Single(result.Issues);
        Assert.Equal(AuditIssueKind.Altered, issue.Kind);
        Assert.Equal(2, issue.Sequence);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task WithOtherSink_EventsAreEmittedOnlyAfterCommit(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider, withStore: false);
        var pipeline = host.Services.GetRequiredService<IAuditPipeline>();
        using var actor = host.As("u-9", "sales");
        await using var context = host.CreateContext();

        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            context.Customers.Add(NewCustomer("T-1"));
            await context.SaveChangesAsync();
            await pipeline.FlushAsync();
            Assert.Empty(host.Sink.Records);
            await transaction.RollbackAsync();
        }

        await pipeline.FlushAsync();
        Assert.Empty(host.Sink.Records);

        context.ChangeTracker.Clear();
        await using (var transaction = await context.Database.BeginTransactionAsync())
        {
            context.Customers.Add(NewCustomer("T-2"));
            await context.SaveChangesAsync();
            await pipeline.FlushAsync();
            Assert.Empty(host.Sink.Records);
            await transaction.CommitAsync();
        }

        context.Customers.Add(NewCustomer("T-3"));
        await context.SaveChangesAsync();
        await pipeline.FlushAsync();

        Assert.Equal(2, host.Sink.Records.Count);
        Assert.All(host.Sink.Records, r => Assert.Equal("u-9", r.Event.ActorId));
        Assert.All(host.Sink.Records, r => Assert.Equal("sales", r.Event.Purpose));
        Assert.Equal(0, await CountRowsAsync(host, "sqlite_master WHERE name = 'privacykit_audit_records'", "pg_tables WHERE tablename = 'privacykit_audit_records'"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task WithOtherSink_TransactionEndedOutsideEf_IsReportedNotGuessed(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider, withStore: false);
        await using var context = host.CreateContext();
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await context.Database.UseTransactionAsync(transaction);
            context.Customers.Add(NewCustomer("U-1"));
            await context.SaveChangesAsync();
            await transaction.CommitAsync(); // EF Core does not see this commit
        }

        await context.Database.UseTransactionAsync(null);
        context.Customers.Add(NewCustomer("U-2"));
        await context.SaveChangesAsync();
        await host.Services.GetRequiredService<IAuditPipeline>().FlushAsync();

        Assert.Single(host.Sink.Records); // only U-2's event: U-1's commit was never observed
        Assert.Contains(host.Logs.Entries, e => e.EventId == 7305 && e.Message.Contains("1 change audit events", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task WithOtherSink_FailedSave_EmitsNothing(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider, withStore: false);
        await using (var context = host.CreateContext())
        {
            context.Customers.Add(NewCustomer("DUP"));
            await context.SaveChangesAsync();
        }

        await using (var context = host.CreateContext())
        {
            context.Customers.Add(NewCustomer("DUP"));
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        await host.Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        Assert.Single(host.Sink.Records);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task AuditChangesOff_WritesNothing(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider, configure: o => o.AuditChanges = false);
        await using var context = host.CreateContext();
        context.Customers.Add(NewCustomer("N-1"));
        await context.SaveChangesAsync();

        Assert.Empty(await host.TransactionRecordsAsync());
    }

    [Fact]
    public async Task ParallelContextsSavingAndReading_OnPostgres_LoseNoEventAndBothChainsVerify()
    {
        if (TestDatabase.PostgresConnectionString is null)
        {
            return; // PostgreSQL is not configured outside CI; under CI the property above throws instead.
        }

        await using var host = await AuditTestHost.CreateAsync(nameof(DatabaseProvider.Postgres));
        const int Writers = 6, SavesEach = 8;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            using var actor = host.As("writer-" + w);
            for (var i = 0; i < SavesEach; i++)
            {
                await using (var context = host.CreateContext())
                {
                    context.Customers.Add(NewCustomer($"W{w}-{i}", "canary-condition"));
                    context.Customers.Add(NewCustomer($"W{w}-{i}b", "canary-condition"));
                    await context.SaveChangesAsync();
                }

                await using (var reader = host.CreateContext())
                {
                    var codes = new[] { $"W{w}-{i}", $"W{w}-{i}b" };
                    Assert.Equal(2, (await reader.Customers.AsNoTracking().Where(c => codes.Contains(c.Code)).ToListAsync()).Count);
                }
            }
        })));
        await host.Services.GetRequiredService<IAuditPipeline>().FlushAsync();

        var records = await host.TransactionRecordsAsync();
        Assert.Equal(Writers * SavesEach * 2, records.Count);
        Assert.Equal(Enumerable.Range(1, Writers * SavesEach * 2).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Equal(Writers * SavesEach * 2, records.Select(r => r.Event.ResourceId).Distinct().Count());
        var result = await host.VerifyAsync();
        Assert.True(result.IsValid, string.Join("; ", result.Issues.Select(i => i.Message)));
        Assert.Equal(Writers * SavesEach * 2, result.Heads["crm-1"].Sequence); // one read event per subject per query
        Assert.Equal(Writers * SavesEach * 4, result.RecordCount);
    }

    // What the encryption interceptor does before auditing sees the save: fill the shadow ciphertext and blind index.
    private static void SimulateEncryption(AuditCrmContext context, AuditCustomer customer)
    {
        context.Entry(customer).Property("EmailCiphertext").CurrentValue = "pk1:ciphertext";
        context.Entry(customer).Property("EmailIndex").CurrentValue = "blind-index";
    }

    private static AuditCustomer NewCustomer(string code, string? healthNote = null) =>
        new() { Code = code, Name = CanaryName, Email = CanaryEmail, HealthNote = healthNote };

    private static async Task<long> CountRowsAsync(AuditTestHost host, string sqliteTable, string? postgresTable = null)
    {
        await using DbConnection connection = await host.Database.OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        var table = host.Database.Provider == DatabaseProvider.Postgres ? postgresTable ?? sqliteTable : sqliteTable;
        command.CommandText = table.Contains(' ', StringComparison.Ordinal) ? $"SELECT COUNT(*) FROM {table}" : $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
