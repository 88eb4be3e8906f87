using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyKit.Access;
using PrivacyKit.EFCore.Tests.Auditing;
using PrivacyKit.EFCore.Stores;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>The role-store contract (as the core's in-memory store honours it) on SQLite and PostgreSQL.</summary>
public sealed class EntityFrameworkRoleStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static RoleAssignment Assignment(string id, string actorId = "u-1") => new()
    {
        Id = id,
        ActorId = actorId,
        Role = "support",
        GrantedBy = "admin-0",
        GrantedAt = T0,
    };

    private static IRoleStore Store(StoreTestHost host) => host.Services.GetRequiredService<IRoleStore>();

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task GetAssignmentsAsync_SeveralActors_ReturnsOnlyThatActors(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = Store(host);
        await store.AddAssignmentAsync(Assignment("a", "u-1"));
        await store.AddAssignmentAsync(Assignment("b", "u-2"));

        var assignments = await store.GetAssignmentsAsync("u-1");

        Assert.Equal("a", Assert.Single(assignments).Id);
        Assert.Equal(["a", "b"], (await store.GetAllAssignmentsAsync()).Select(a => a.Id));
        Assert.Empty(await store.GetAssignmentsAsync("u-3"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task AddAssignmentAsync_EveryField_ReadsBackEqual(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = Store(host);
        var plusTwo = TimeSpan.FromHours(2);
        var timeBound = Assignment("a") with
        {
            StartsAt = new DateTimeOffset(2026, 3, 2, 8, 0, 0, plusTwo),
            ExpiresAt = new DateTimeOffset(2026, 4, 1, 0, 0, 0, plusTwo),
            LastUsedAt = T0.AddMinutes(5),
        };
        var revoked = Assignment("b") with { RevokedAt = T0.AddDays(1), RevokedBy = "admin-1" };
        await store.AddAssignmentAsync(timeBound);
        await store.AddAssignmentAsync(revoked);

        Assert.Equal(timeBound, await store.FindAssignmentAsync("a"));
        Assert.Equal(revoked, await store.FindAssignmentAsync("b"));
        Assert.Null(await store.FindAssignmentAsync("missing"));
        Assert.True((await store.FindAssignmentAsync("a"))!.IsActiveAt(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero)));
        Assert.False((await store.FindAssignmentAsync("a"))!.IsActiveAt(new DateTimeOffset(2026, 3, 2, 5, 59, 0, TimeSpan.Zero)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task AddAssignmentAsync_DuplicateId_ThrowsArgumentAndKeepsTheOriginal(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = Store(host);
        await store.AddAssignmentAsync(Assignment("a"));
        const string Canary = "jane.canary@example.com";

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await store.AddAssignmentAsync(Assignment("a", Canary)));

        Assert.Equal("assignment", ex.ParamName);
        Assert.Contains("'a'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, ex.ToString(), StringComparison.Ordinal);
        Assert.Equal("u-1", (await store.FindAssignmentAsync("a"))!.ActorId);
        Assert.Empty(await store.GetAssignmentsAsync(Canary));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RevokeAssignmentAsync_OnceThenAgain_RevokesOnceAndKeepsTheAssignment(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = Store(host);
        await store.AddAssignmentAsync(Assignment("a"));

        var first = await store.RevokeAssignmentAsync("a", "admin-1", T0.AddHours(1));
        var second = await store.RevokeAssignmentAsync("a", "admin-2", T0.AddHours(2));

        Assert.Equal(Assignment("a") with { RevokedBy = "admin-1", RevokedAt = T0.AddHours(1) }, first);
        Assert.Null(second);
        Assert.Equal(first, await store.FindAssignmentAsync("a"));
        Assert.Single(await store.GetAllAssignmentsAsync());
        Assert.Null(await store.RevokeAssignmentAsync("missing", "admin-1", T0));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RecordUsageAsync_OlderTime_KeepsTheLaterOne(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = Store(host);
        await store.AddAssignmentAsync(Assignment("a"));
        await store.AddAssignmentAsync(Assignment("b"));

        await store.RecordUsageAsync(new Dictionary<string, DateTimeOffset> { ["a"] = T0.AddDays(2), ["missing"] = T0 });
        await store.RecordUsageAsync(new Dictionary<string, DateTimeOffset> { ["a"] = T0.AddDays(1), ["b"] = T0.AddSeconds(1.5) });
        await store.RecordUsageAsync(new Dictionary<string, DateTimeOffset> { ["b"] = T0.AddSeconds(1.25) });
        await store.RecordUsageAsync(new Dictionary<string, DateTimeOffset>());

        Assert.Equal(T0.AddDays(2), (await store.FindAssignmentAsync("a"))!.LastUsedAt);
        Assert.Equal(T0.AddSeconds(1.5), (await store.FindAssignmentAsync("b"))!.LastUsedAt);
        Assert.Null(await store.FindAssignmentAsync("missing"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task AddReviewAsync_Records_AreReturnedInAppendOrder(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = Store(host);
        var first = new AccessReviewRecord { Id = "r1", AssignmentId = "a", ReviewerId = "x", Decision = AccessReviewDecision.Keep, ReviewedAt = T0 };
        var second = first with { Id = "r2", ReviewedAt = T0.AddDays(90), Decision = AccessReviewDecision.Revoke };
        var third = first with { Id = "r3", ReviewedAt = T0.AddDays(-1) };

        await store.AddReviewAsync(first);
        await store.AddReviewAsync(second);
        await store.AddReviewAsync(third);

        Assert.Equal([first, second, third], await store.GetReviewsAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task AddReviewAsync_DuplicateId_ThrowsArgumentAndKeepsTheOriginal(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = Store(host);
        var record = new AccessReviewRecord { Id = "r1", AssignmentId = "a", ReviewerId = "x", Decision = AccessReviewDecision.Keep, ReviewedAt = T0 };
        await store.AddReviewAsync(record);

        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await store.AddReviewAsync(record with { ReviewerId = "y" }));

        Assert.Equal("record", ex.ParamName);
        Assert.Contains("'r1'", ex.Message, StringComparison.Ordinal);
        Assert.Equal([record], await store.GetReviewsAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Operations_CanaryIds_NeverAppearInLogsOrExceptions(string provider)
    {
        const string Canary = "jane.canary@example.com";
        await using var db = await ProviderData.CreateAsync(provider);
        using var logs = new CapturingLoggerProvider();
        await using var host = await StoreTestHost.CreateAsync(db, configure: s => s.AddSingleton<ILoggerProvider>(logs));
        var store = Store(host);
        var assignment = Assignment("a", Canary) with { GrantedBy = Canary + ".admin" };

        await store.AddAssignmentAsync(assignment);
        var duplicate = await Assert.ThrowsAsync<ArgumentException>(async () => await store.AddAssignmentAsync(assignment));
        await store.RecordUsageAsync(new Dictionary<string, DateTimeOffset> { ["a"] = T0.AddHours(1) });
        var revoked = await store.RevokeAssignmentAsync("a", Canary + ".revoker", T0.AddHours(2));
        await store.AddReviewAsync(new AccessReviewRecord { Id = "r1", AssignmentId = "a", ReviewerId = Canary + ".reviewer", Decision = AccessReviewDecision.Revoke, ReviewedAt = T0 });

        Assert.Equal(Canary, Assert.Single(await store.GetAssignmentsAsync(Canary)).ActorId);
        Assert.Equal(Canary + ".revoker", revoked!.RevokedBy);
        Assert.Contains(logs.Entries, e => e.Message.Contains("privacykit_role_assignments", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains("jane.canary", StringComparison.Ordinal));
        Assert.DoesNotContain("jane.canary", duplicate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Methods_NullArguments_ThrowArgumentNull()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = Store(host);

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.GetAssignmentsAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.FindAssignmentAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.AddAssignmentAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.RevokeAssignmentAsync(null!, "admin-1", T0));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.RevokeAssignmentAsync("a", null!, T0));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.RecordUsageAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.AddReviewAsync(null!));
    }

    [Fact]
    public void AddPrivacyKitStores_WithASchema_PutsTheRoleTablesInItWithoutPrefix()
    {
        var model = new ModelBuilder().AddPrivacyKitStores("pk").Model;

        Assert.Equal(("pk", "role_assignments"), (model.FindEntityType(typeof(RoleAssignmentRow))!.GetSchema(), model.FindEntityType(typeof(RoleAssignmentRow))!.GetTableName()));
        Assert.Equal(("pk", "access_reviews"), (model.FindEntityType(typeof(AccessReviewRow))!.GetSchema(), model.FindEntityType(typeof(AccessReviewRow))!.GetTableName()));
    }

    [Fact]
    public async Task AddEntityFrameworkStores_ReplacesTheInMemoryRoleStoreWithTheTables()
    {
        var services = new ServiceCollection();
        services.AddDbContext<StoreTestContext>(o => o.UseSqlite("Data Source=:memory:").ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)));
        services.AddPrivacyKit().AddEntityFrameworkStores<StoreTestContext>().AddEntityFrameworkStores<StoreTestContext>();
        await using var provider = services.BuildServiceProvider();
        using var context = new StoreTestContext(new DbContextOptionsBuilder<StoreTestContext>().UseSqlite("Data Source=:memory:").ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)).Options);

        Assert.IsType<EntityFrameworkRoleStore<StoreTestContext>>(provider.GetRequiredService<IRoleStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IRoleStore));
        Assert.Equal("privacykit_role_assignments", context.Model.FindEntityType(typeof(RoleAssignmentRow))!.GetTableName());
        Assert.Equal("privacykit_access_reviews", context.Model.FindEntityType(typeof(AccessReviewRow))!.GetTableName());
        Assert.False(context.Model.FindEntityType(typeof(AccessReviewRow))!.FindProperty(nameof(AccessReviewRow.Id))!.IsNullable);
        Assert.Equal(nameof(AccessReviewRow.Sequence), Assert.Single(context.Model.FindEntityType(typeof(AccessReviewRow))!.FindPrimaryKey()!.Properties).Name);
    }
}
