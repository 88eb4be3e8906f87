using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.EFCore.Retention;
using PrivacyKit.EFCore.Tests.Requests.Crm;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.Retention;

namespace PrivacyKit.EFCore.Tests.Retention;

public sealed class EntityFrameworkRetentionEnforcerTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RunAsync_ExpiredRowsAndFields_DeletesAndAnonymisesOnlyThose(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await host.SeedAsync("bob");

        var result = await Enforcer(host).RunAsync();

        Assert.Equal((2, 2, 0), (result.Deleted, result.Anonymised, result.Shredded));
        var stored = await host.AllStoredValuesAsync();
        Assert.DoesNotContain(stored, v => v.StartsWith("call-old-", StringComparison.Ordinal) || v.StartsWith("payref-old-", StringComparison.Ordinal));
        Assert.All(["call-new-alice", "call-new-bob", "payref-new-alice", "payref-new-bob", "renewal", "note1-alice", "name-bob"], v => Assert.Contains(v, stored));
        var audit = await host.AuditEventsAsync();
        Assert.Equal(["retention.anonymise", "retention.anonymise", "retention.delete", "retention.delete"], audit.Select(e => e[0]).Order());
        var aliceDelete = audit.Single(e => e[0] == "retention.delete" && e[1] == alice.Id.ToString("D"));
        Assert.Equal("Activity", aliceDelete[2]);
        Assert.Contains("PaymentReference", audit.Where(e => e[0] == "retention.anonymise").Select(e => e[4]));
        Assert.DoesNotContain(audit.SelectMany(e => e), v => CrmHost.CanariesOf("alice").Concat(CrmHost.CanariesOf("bob")).Any(c => v.Contains(c, StringComparison.Ordinal)));
        Assert.Contains(host.Logs.Lines, l => l.Contains("8203", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => CrmHost.CanariesOf("alice").Any(c => l.Contains(c, StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RunAsync_DryRun_ChangesAndAuditsNothingButListsWhatIsDue(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        await host.SeedAsync("alice");
        var before = await host.AllStoredValuesAsync();

        var result = await Enforcer(host).RunAsync(dryRun: true);

        Assert.True(result.DryRun);
        Assert.Equal([("Activity", RetentionAction.Delete), ("Deal", RetentionAction.Anonymise)], result.Applied.Select(i => (i.EntityType, i.Action)).Order());
        Assert.Equal((0, 0), (result.Deleted, result.Anonymised));
        Assert.Equal(before.Order(), (await host.AllStoredValuesAsync()).Order());
        Assert.Empty(await host.AuditEventsAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RunAsync_LegalHoldOnSubject_KeepsTheirExpiredRowsAndAuditsTheHold(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await host.SeedAsync("bob");
        await host.PlaceHoldAsync(alice, "Activity");

        var result = await Enforcer(host).RunAsync();

        Assert.Equal(1, result.Deleted);
        Assert.Equal(2, result.Anonymised);
        var held = Assert.Single(result.Held);
        Assert.Equal(("Activity", alice.Id.ToString("D")), (held.EntityType, held.SubjectId));
        var stored = await host.AllStoredValuesAsync();
        Assert.Contains("call-old-alice", stored);
        Assert.DoesNotContain("call-old-bob", stored);
        Assert.DoesNotContain("payref-old-alice", stored);
        var heldEvent = Assert.Single(await host.AuditEventsAsync(), e => e[0] == "retention.held");
        Assert.Equal("legal hold", heldEvent[5]);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RunAsync_CancelledAfterFirstBatch_KeepsCommittedWorkAndNextRunFinishes(string provider)
    {
        using var cancel = new CancellationTokenSource();
        var cancelAfterSave = new CancelAfterSave(cancel);
        await using var host = await CrmHost.CreateAsync(provider, o => o.BatchSize = 1, o => o.AddInterceptors(cancelAfterSave));
        foreach (var tag in new[] { "a", "b", "c" })
        {
            await host.SeedAsync(tag);
        }

        cancelAfterSave.Armed = true;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await Enforcer(host).RunAsync(cancellationToken: cancel.Token));
        var afterCancel = await host.AllStoredValuesAsync();
        var resumed = await Enforcer(host).RunAsync();
        var again = await Enforcer(host).RunAsync();

        Assert.Equal(2, afterCancel.Count(v => v.StartsWith("call-old-", StringComparison.Ordinal)));
        Assert.Equal(3, afterCancel.Count(v => v.StartsWith("payref-old-", StringComparison.Ordinal)));
        Assert.Equal((2, 3), (resumed.Deleted, resumed.Anonymised));
        Assert.Equal((0, 0), (again.Deleted, again.Anonymised));
        var stored = await host.AllStoredValuesAsync();
        Assert.DoesNotContain(stored, v => v.StartsWith("call-old-", StringComparison.Ordinal) || v.StartsWith("payref-old-", StringComparison.Ordinal));
        Assert.Equal(3, stored.Count(v => v.StartsWith("call-new-", StringComparison.Ordinal)));
        Assert.Equal(6, (await host.AuditEventsAsync()).Count);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RunAsync_ShredKeyRuleExpired_ShredsThatSubjectsKeyAndClearsTheirBlindIndex(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider, configureKit: b => b.ConfigureRetention(o => o.AddRule("Customer", "P1Y", "LastContactAt", RetentionAction.ShredKey)));
        var alice = await host.SeedAsync("alice");
        var bob = await host.SeedAsync("bob");
        await using (var scope = host.Provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmContext>();
            var stale = await db.Customers.SingleAsync(c => c.Id == alice.Id);
            stale.LastContactAt = CrmHost.Now.AddYears(-2);
            var recent = await db.Customers.SingleAsync(c => c.Id == bob.Id);
            recent.LastContactAt = CrmHost.Now.AddMonths(-2);
            await db.SaveChangesAsync();
        }

        var encryptor = host.Provider.GetRequiredService<IFieldEncryptor>();
        var aliceContext = EncryptionContext.ForSubject("Customer", "Email", alice.Id.ToString("D"));
        var bobContext = EncryptionContext.ForSubject("Customer", "Email", bob.Id.ToString("D"));
        var aliceBackup = encryptor.Encrypt("alice@example.org", aliceContext);
        var bobBackup = encryptor.Encrypt("bob@example.org", bobContext);

        var result = await Enforcer(host).RunAsync();

        Assert.Equal(1, result.Shredded);
        Assert.Equal(alice.Id.ToString("D"), Assert.Single(result.Applied, i => i.Action == RetentionAction.ShredKey).SubjectId);
        Assert.Throws<DataKeyErasedException>(() => encryptor.Decrypt<string>(aliceBackup, aliceContext));
        Assert.Equal("bob@example.org", encryptor.Decrypt<string>(bobBackup, bobContext));
        var stored = await host.AllStoredValuesAsync();
        Assert.DoesNotContain("bi:alice@example.org", stored);
        Assert.Contains("bi:bob@example.org", stored);
        Assert.Equal("retention.shredKey", Assert.Single(await host.AuditEventsAsync(), e => e[0].StartsWith("retention.shred", StringComparison.Ordinal))[0]);
    }

    [Fact]
    public async Task RunAsync_RuleCountsFromUnmappedProperty_ThrowsNamingIt()
    {
        await using var host = await CrmHost.CreateAsync("Sqlite", configureKit: b => b.ConfigureRetention(o => o.AddRule("Note", "P1Y", "WrittenAt")));
        await host.SeedAsync("alice");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await Enforcer(host).RunAsync());

        Assert.Contains("'Note' counts from 'WrittenAt'", ex.Message, StringComparison.Ordinal);
    }

    private static IRetentionEnforcer<CrmContext> Enforcer(CrmHost host) => host.Provider.GetRequiredService<IRetentionEnforcer<CrmContext>>();

    private sealed class CancelAfterSave(CancellationTokenSource cancel) : SaveChangesInterceptor
    {
        public bool Armed { get; set; }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (Armed)
            {
                cancel.Cancel();
            }

            return ValueTask.FromResult(result);
        }
    }
}
