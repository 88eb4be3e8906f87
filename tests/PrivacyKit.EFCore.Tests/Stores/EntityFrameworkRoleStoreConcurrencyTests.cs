using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.EFCore.Stores;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>
/// Several application instances (service providers with their own role managers, evaluators and caches) on one
/// database: roles survive a restart, the database settles concurrent revocations and keeps the latest use.
/// </summary>
public sealed class EntityFrameworkRoleStoreConcurrencyTests
{
    private const string Support = "support";
    private static readonly Permission Read = Permission.Parse("customers:read");

    private static Task<StoreTestHost> CreateHostAsync(TestDatabase db, FakeTimeProvider? time = null, bool useFactory = true) =>
        StoreTestHost.CreateAsync(db, time: time, useFactory: useFactory, configure: services => services.AddPrivacyKit()
            .AddAccessControl(o => o.AddRole(Support).Allow(PrivacyKit.Access.RowScope.All, "customers:read").WithDefaultFieldAccess(FieldAccess.Clear)));

    private static RoleGrantRequest Grant(string actorId) => new() { ActorId = actorId, Role = Support, GrantedBy = "admin-0" };

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RevokeAsync_TwoInstancesAtOnce_ExactlyOneRevocationRecorded(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var first = await CreateHostAsync(db);
        await using var second = await CreateHostAsync(db, useFactory: false);
        var managers = new[] { first, second }.Select(h => h.Services.GetRequiredService<IRoleManager>()).ToArray();

        for (var round = 0; round < 10; round++)
        {
            var assignment = await managers[round % 2].GrantAsync(Grant($"u-{round}"));
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var revocations = managers.Select((m, i) => Task.Run(async () =>
            {
                await start.Task;
                return await Retry.OnSqliteLockAsync(() => m.RevokeAsync(assignment.Id, $"admin-{i + 1}"));
            })).ToArray();
            start.SetResult();
            var results = await Task.WhenAll(revocations);

            var winner = Assert.Single(results, r => r is not null)!;
            var stored = await Store(first).FindAssignmentAsync(assignment.Id);
            Assert.Equal(winner, stored);
            Assert.Single(
                first.Audit.Events.Concat(second.Audit.Events),
                e => e.Kind == AuditEventKind.RoleRevoked && e.ResourceId == assignment.Id && e.ActorId == winner.RevokedBy);
        }

        await using var check = first.CreateContext();
        Assert.Equal(10, await check.Set<RoleAssignmentRow>().CountAsync(r => r.RevokedAt != null));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RecordUsageAsync_InstancesFlushingAtOnce_KeepsTheLatestUse(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        var hosts = new List<StoreTestHost>();
        for (var i = 0; i < 4; i++)
        {
            hosts.Add(await CreateHostAsync(db, useFactory: i % 2 == 0));
        }

        try
        {
            var ids = new List<string>();
            for (var a = 0; a < 5; a++)
            {
                ids.Add((await hosts[0].Services.GetRequiredService<IRoleManager>().GrantAsync(Grant($"u-{a}"))).Id);
            }

            // Host i saw assignment a last at minute (i * 7 + a * 3) % 11: the stored time must be the maximum over hosts.
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var flushes = hosts.Select((h, i) => Task.Run(async () =>
            {
                await start.Task;
                var used = ids.Select((id, a) => (id, at: StoreTestHost.Start.AddMinutes((i * 7 + a * 3) % 11)))
                    .ToDictionary(u => u.id, u => u.at);
                return await Retry.OnSqliteLockAsync(async () =>
                {
                    await Store(h).RecordUsageAsync(used);
                    return true;
                });
            })).ToArray();
            start.SetResult();
            await Task.WhenAll(flushes);

            for (var a = 0; a < ids.Count; a++)
            {
                var expected = StoreTestHost.Start.AddMinutes(Enumerable.Range(0, hosts.Count).Max(i => (i * 7 + a * 3) % 11));
                Assert.Equal(expected, (await Store(hosts[1]).FindAssignmentAsync(ids[a]))!.LastUsedAt);
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task GrantAsync_ThenRestart_TheNewInstanceGrantsAndReportsUseAndReviews(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        var time = new FakeTimeProvider(StoreTestHost.Start);
        var actor = new PrivacyActor("u-1");
        RoleAssignment assignment;
        await using (var before = await CreateHostAsync(db, time))
        {
            assignment = await before.Services.GetRequiredService<IRoleManager>().GrantAsync(Grant(actor.Id));
            time.Advance(TimeSpan.FromMinutes(10));
            Assert.True((await before.Services.GetRequiredService<IAccessEvaluator>().EvaluateAsync(actor, Read)).IsAllowed);
            await before.Services.GetRequiredService<IAccessReviewService>().SaveUsageAsync();
        }

        await using var after = await CreateHostAsync(db, time, useFactory: false);
        time.Advance(TimeSpan.FromMinutes(5));
        var reviews = after.Services.GetRequiredService<IAccessReviewService>();
        await reviews.RecertifyAsync(assignment.Id, "reviewer-1", AccessReviewDecision.Keep);

        Assert.True((await after.Services.GetRequiredService<IAccessEvaluator>().EvaluateAsync(actor, Read)).IsAllowed);
        var entry = Assert.Single((await reviews.CreateReportAsync()).Entries);
        Assert.Equal(assignment.Id, entry.Assignment.Id);
        Assert.Equal(StoreTestHost.Start.AddMinutes(15), entry.Assignment.LastUsedAt);
        Assert.Equal("reviewer-1", entry.LastReview!.ReviewerId);
        Assert.False(entry.NeedsAttention);

        await after.Services.GetRequiredService<IRoleManager>().RevokeAsync(assignment.Id, "admin-1");
        Assert.False((await after.Services.GetRequiredService<IAccessEvaluator>().EvaluateAsync(actor, Read)).IsAllowed);
    }

    private static IRoleStore Store(StoreTestHost host) => host.Services.GetRequiredService<IRoleStore>();
}
