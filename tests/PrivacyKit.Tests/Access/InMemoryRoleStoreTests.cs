using PrivacyKit.Access;

namespace PrivacyKit.Tests.Access;

public sealed class InMemoryRoleStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static RoleAssignment Assignment(string id, string actorId = "u-1") => new()
    {
        Id = id,
        ActorId = actorId,
        Role = CrmRoles.Support,
        GrantedBy = "admin-0",
        GrantedAt = T0,
    };

    [Fact]
    public async Task GetAssignmentsAsync_SeveralActors_ReturnsOnlyThatActors()
    {
        var store = new InMemoryRoleStore();
        await store.AddAssignmentAsync(Assignment("a", "u-1"));
        await store.AddAssignmentAsync(Assignment("b", "u-2"));

        var assignments = await store.GetAssignmentsAsync("u-1");

        Assert.Equal("a", Assert.Single(assignments).Id);
        Assert.Equal(2, (await store.GetAllAssignmentsAsync()).Count);
    }

    [Fact]
    public async Task AddAssignmentAsync_DuplicateId_Throws()
    {
        var store = new InMemoryRoleStore();
        await store.AddAssignmentAsync(Assignment("a"));

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.AddAssignmentAsync(Assignment("a")));
    }

    [Fact]
    public async Task RevokeAssignmentAsync_OnceThenAgain_RevokesOnceAndKeepsTheAssignment()
    {
        var store = new InMemoryRoleStore();
        await store.AddAssignmentAsync(Assignment("a"));

        var first = await store.RevokeAssignmentAsync("a", "admin-1", T0.AddHours(1));
        var second = await store.RevokeAssignmentAsync("a", "admin-2", T0.AddHours(2));

        Assert.Equal(("admin-1", T0.AddHours(1)), (first!.RevokedBy, first.RevokedAt!.Value));
        Assert.Null(second);
        Assert.Equal("admin-1", (await store.FindAssignmentAsync("a"))!.RevokedBy);
        Assert.Null(await store.RevokeAssignmentAsync("missing", "admin-1", T0));
    }

    [Fact]
    public async Task RecordUsageAsync_OlderTime_KeepsTheLaterOne()
    {
        var store = new InMemoryRoleStore();
        await store.AddAssignmentAsync(Assignment("a"));

        await store.RecordUsageAsync(new Dictionary<string, DateTimeOffset> { ["a"] = T0.AddDays(2), ["missing"] = T0 });
        await store.RecordUsageAsync(new Dictionary<string, DateTimeOffset> { ["a"] = T0.AddDays(1) });

        Assert.Equal(T0.AddDays(2), (await store.FindAssignmentAsync("a"))!.LastUsedAt);
    }

    [Fact]
    public async Task AddReviewAsync_Records_AreReturnedInOrder()
    {
        var store = new InMemoryRoleStore();
        var first = new AccessReviewRecord { Id = "r1", AssignmentId = "a", ReviewerId = "x", Decision = AccessReviewDecision.Keep, ReviewedAt = T0 };
        var second = first with { Id = "r2", ReviewedAt = T0.AddDays(90) };

        await store.AddReviewAsync(first);
        await store.AddReviewAsync(second);

        Assert.Equal([first, second], await store.GetReviewsAsync());
    }
}
