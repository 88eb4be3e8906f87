using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Stores.Audit;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Auditing;

/// <summary>The EF audit store as a pipeline sink and reader, and the in-transaction writer's failure paths.</summary>
public sealed class AuditStoreTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task WriteBatchAsync_RetriedBatch_StoresEachRecordOnce_AndHeadIsTheLast(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        var trail = host.Services.GetRequiredService<IAuditTrail>();
        for (var i = 0; i < 3; i++)
        {
            await trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.KeyOperation, Action = "key.rotate" });
        }

        await host.Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        var sink = host.Services.GetRequiredService<AuditStoreSink<AuditCrmContext>>();
        var stored = await ToListAsync(sink.QueryAsync(new AuditQuery { InstanceId = "crm-1" }));
        await sink.WriteBatchAsync(stored, durable: true, CancellationToken.None);

        var again = await ToListAsync(sink.QueryAsync(new AuditQuery { InstanceId = "crm-1" }));
        Assert.Equal([1L, 2L, 3L], again.Select(r => r.Sequence));
        var head = await sink.GetChainHeadAsync("crm-1");
        Assert.Equal(3, head!.Sequence);
        Assert.Equal(stored[2].Hash, head.Hash);
        Assert.Null(await sink.GetChainHeadAsync("nobody"));
        Assert.True((await host.VerifyAsync()).IsValid);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RestartedPipeline_ContinuesItsChainFromTheStoredHead(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        var trail = host.Services.GetRequiredService<IAuditTrail>();
        await trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.KeyOperation, Action = "key.create" });
        await trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.KeyOperation, Action = "key.rotate" });
        await host.Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        await host.Services.DisposeAsync(); // the first instance stops; its database stays

        await using var restarted = host.Restarted();
        await restarted.Services.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEvent { Kind = AuditEventKind.KeyOperation, Action = "key.shred" });
        await restarted.Services.GetRequiredService<IAuditPipeline>().FlushAsync();

        var result = await restarted.VerifyAsync();
        Assert.True(result.IsValid, string.Join("; ", result.Issues.Select(i => i.Message)));
        Assert.Equal(3, result.Heads["crm-1"].Sequence);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task DisposingTheProvider_WithRecordsStillBuffered_WritesThemToTheStore(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        var trail = host.Services.GetRequiredService<IAuditTrail>();
        await trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.KeyOperation, Action = "key.create" });
        await host.Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        for (var i = 0; i < 5; i++)
        {
            await trail.RecordAsync(new AuditEvent { Kind = AuditEventKind.KeyOperation, Action = "key.rotate" });
        }

        // No flush: a bare provider's dispose refuses new scopes before the pipeline drains its buffer.
        await host.Services.DisposeAsync();

        await using var restarted = host.Restarted();
        var stored = await ToListAsync(restarted.Services.GetRequiredService<AuditStoreSink<AuditCrmContext>>().QueryAsync(new AuditQuery { InstanceId = "crm-1" }));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], stored.Select(r => r.Sequence));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task TransactionChain_CheckpointsAfterCommits_DetectRecordsCutFromItsEnd(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        for (var i = 0; i < 4; i++)
        {
            await using var context = host.CreateContext();
            context.Customers.Add(new AuditCustomer { Code = "K" + i, Name = "n" });
            await context.SaveChangesAsync();
        }

        await using (var context = host.CreateContext())
        {
            await using var transaction = await context.Database.BeginTransactionAsync();
            context.Customers.Add(new AuditCustomer { Code = "K-rolled-back-1", Name = "n" });
            context.Customers.Add(new AuditCustomer { Code = "K-rolled-back-2", Name = "n" });
            await context.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        // Interval 3: the commit that wrote sequence 3 crossed it; the rolled-back one exported nothing.
        var checkpoint = Assert.Single(host.Checkpoints.Items, c => c.InstanceId == "crm-1:ef");
        Assert.Equal(3, checkpoint.Sequence);
        Assert.True((await host.VerifyAsync()).IsValid);

        await ExecuteAsync(host, "DELETE FROM privacykit_audit_records WHERE \"Sequence\" >= 3");
        var result = await host.VerifyAsync();
        Assert.Equal(AuditIssueKind.TruncatedTail, Assert.Single(result.Issues).Kind);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task QueryAsync_BySubjectActorAndTime_ReturnsOnlyMatches(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        await using (var context = host.CreateContext())
        {
            using (host.As("u-1"))
            {
                context.Customers.Add(new AuditCustomer { Code = "Q1", Name = "n" });
                await context.SaveChangesAsync();
            }

            using (host.As("u-2"))
            {
                context.Customers.Add(new AuditCustomer { Code = "Q2", Name = "n" });
                await context.SaveChangesAsync();
            }
        }

        var sink = host.Services.GetRequiredService<AuditStoreSink<AuditCrmContext>>();
        var byActor = Assert.Single(await ToListAsync(sink.QueryAsync(new AuditQuery { ActorId = "u-2" })));
        Assert.Equal(byActor.Event.SubjectId, Assert.Single(await ToListAsync(sink.QueryAsync(new AuditQuery { SubjectId = byActor.Event.SubjectId }))).Event.SubjectId);
        Assert.Empty(await ToListAsync(sink.QueryAsync(new AuditQuery { To = byActor.Event.Timestamp.AddDays(-1) })));
        Assert.Equal(2, (await ToListAsync(sink.QueryAsync(new AuditQuery { From = byActor.Event.Timestamp.AddDays(-1) }))).Count);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChanges_WhenTheAuditRowsCannotBeWritten_DoesNotCommitTheChange(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        await ExecuteAsync(host, "DROP TABLE privacykit_audit_records");

        await using (var context = host.CreateContext())
        {
            context.Customers.Add(new AuditCustomer { Code = "LOST", Name = "n" });
            await Assert.ThrowsAnyAsync<DbException>(() => context.SaveChangesAsync());
        }

        Assert.Equal(0L, await ExecuteScalarAsync(host, "SELECT COUNT(*) FROM \"Customers\""));
        Assert.Equal(0L, await ExecuteScalarAsync(host, "SELECT COUNT(*) FROM privacykit_audit_chain_heads"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Logs_NameChainsAndCounts_NeverPersonalValues(string provider)
    {
        await using var host = await AuditTestHost.CreateAsync(provider);
        await using (var context = host.CreateContext())
        {
            context.Customers.Add(new AuditCustomer { Code = "L1", Name = "Canary Lastname", HealthNote = "canary-condition" });
            await context.SaveChangesAsync();
        }

        await using (var context = host.CreateContext())
        {
            _ = await context.Customers.ToListAsync();
        }

        await host.Services.GetRequiredService<IAuditPipeline>().FlushAsync();
        var entries = host.Logs.Entries;
        Assert.Contains(entries, e => e.EventId == 7301 && e.Message.Contains("crm-1:ef", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.EventId == 7302);
        Assert.Contains(entries, e => e.EventId == 7303);
        Assert.DoesNotContain(entries, e => e.Message.Contains("anary", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writer_OnAModelWithoutTheStore_SaysWhichCallIsMissing()
    {
        await using var host = await AuditTestHost.CreateAsync(nameof(DatabaseProvider.Sqlite), withStore: false);
        await using var context = host.CreateContext();
        await context.Database.OpenConnectionAsync();
        await using var transaction = await context.Database.BeginTransactionAsync();
        var writer = new AuditChainWriter(host.Services.GetRequiredService<IAuditKeyProvider>(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(
            context, transaction.GetDbTransaction(), "c", [new AuditEvent { Kind = AuditEventKind.Created }], CancellationToken.None));
        Assert.Contains("AuditCrmContext", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AddPrivacyKitStores", ex.Message, StringComparison.Ordinal);
    }

    private static async Task<List<AuditRecord>> ToListAsync(IAsyncEnumerable<AuditRecord> records)
    {
        var list = new List<AuditRecord>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }

    private static async Task ExecuteAsync(AuditTestHost host, string sql)
    {
        await using var connection = await host.Database.OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ExecuteScalarAsync(AuditTestHost host, string sql)
    {
        await using var connection = await host.Database.OpenRawConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
