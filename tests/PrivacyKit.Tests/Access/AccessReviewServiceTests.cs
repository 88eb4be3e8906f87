using PrivacyKit.Access;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Access;

public sealed class AccessReviewServiceTests
{
    [Fact]
    public async Task CreateReportAsync_Assignments_ListsHolderGrantorTimesAndExpiry()
    {
        using var host = new AccessTestHost();
        var granted = host.Time.GetUtcNow();
        var expires = granted.AddDays(7);
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support, expiresAt: expires);

        var report = await host.Review.CreateReportAsync();

        var entry = Assert.Single(report.Entries);
        Assert.Equal(assignment.Id, entry.Assignment.Id);
        Assert.Equal(("u-1", CrmRoles.Support, AccessTestHost.Administrator, granted, expires), (entry.Assignment.ActorId, entry.Assignment.Role, entry.Assignment.GrantedBy, entry.Assignment.GrantedAt, entry.Assignment.ExpiresAt));
        Assert.False(entry.NeedsAttention);
        Assert.Equal(host.Policies.Version, report.PolicyVersion);
    }

    [Fact]
    public async Task CreateReportAsync_AfterUse_ShowsLastUsedRecordedByEvaluator()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", CrmRoles.Support);
        host.Time.Advance(TimeSpan.FromHours(3));
        await host.EvaluateAsync("u-1", "customers:read");
        var usedAt = host.Time.GetUtcNow();
        host.Time.Advance(TimeSpan.FromHours(1));
        await host.EvaluateAsync("u-1", "customers:read");

        var report = await host.Review.CreateReportAsync();

        Assert.Equal(usedAt.AddHours(1), Assert.Single(report.Entries).Assignment.LastUsedAt);
    }

    [Fact]
    public async Task SaveUsageAsync_AfterUse_WritesLastUseToStore()
    {
        using var host = new AccessTestHost();
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support);
        Assert.Null((await host.Store.FindAssignmentAsync(assignment.Id))!.LastUsedAt);
        await host.EvaluateAsync("u-1", "customers:read");

        await host.Review.SaveUsageAsync();

        Assert.Equal(host.Time.GetUtcNow(), (await host.Store.FindAssignmentAsync(assignment.Id))!.LastUsedAt);
    }

    [Fact]
    public async Task CreateReportAsync_UnusedExpiredRevokedPending_AreFlagged()
    {
        using var host = new AccessTestHost(o =>
        {
            CrmRoles.Configure(o);
            o.UnusedAfter = TimeSpan.FromDays(30);
        });
        var now = host.Time.GetUtcNow();
        var unused = await host.GrantAsync("unused", CrmRoles.Support);
        var used = await host.GrantAsync("used", CrmRoles.Support);
        var expired = await host.GrantAsync("expired", CrmRoles.Support, expiresAt: now.AddDays(1));
        var revoked = await host.GrantAsync("revoked", CrmRoles.Support);
        await host.Roles.RevokeAsync(revoked.Id, AccessTestHost.Administrator);
        host.Time.Advance(TimeSpan.FromDays(31));
        await host.EvaluateAsync("used", "customers:read");
        var pending = await host.GrantAsync("pending", CrmRoles.Support, startsAt: host.Time.GetUtcNow().AddDays(1));

        var entries = (await host.Review.CreateReportAsync()).Entries.ToDictionary(e => e.Assignment.Id);

        Assert.True(entries[unused.Id].IsUnused);
        Assert.True(entries[unused.Id].NeedsAttention);
        Assert.False(entries[used.Id].IsUnused);
        Assert.True(entries[expired.Id].IsExpired);
        Assert.False(entries[expired.Id].IsUnused);
        Assert.True(entries[revoked.Id].IsRevoked);
        Assert.True(entries[pending.Id].IsPending);
        Assert.False(entries[pending.Id].IsUnused);
    }

    [Fact]
    public async Task CreateReportAsync_ConflictDeclaredAfterGrants_FlagsBothAssignments()
    {
        using var host = new AccessTestHost();
        var support = await host.GrantAsync("u-1", CrmRoles.Support);
        var marketing = await host.GrantAsync("u-1", CrmRoles.Marketing);
        var reloaded = new AccessControlOptions();
        CrmRoles.Configure(reloaded);
        reloaded.AddConflictingRoles(CrmRoles.Support, CrmRoles.Marketing);
        host.Policies.Reload(reloaded);

        var entries = (await host.Review.CreateReportAsync()).Entries.ToDictionary(e => e.Assignment.Id);

        Assert.Equal([CrmRoles.Marketing], entries[support.Id].ConflictsWith);
        Assert.Equal([CrmRoles.Support], entries[marketing.Id].ConflictsWith);
        Assert.True(entries[support.Id].NeedsAttention);
    }

    [Fact]
    public async Task CreateReportAsync_RoleRemovedFromDefinitions_FlagsUnknownRole()
    {
        using var host = new AccessTestHost();
        var assignment = await host.GrantAsync("u-1", CrmRoles.Marketing);
        var reloaded = new AccessControlOptions();
        reloaded.AddRole(CrmRoles.Support).Allow(RowScope.All, "customers:read");
        host.Policies.Reload(reloaded);

        var entry = Assert.Single((await host.Review.CreateReportAsync()).Entries);

        Assert.True(entry.IsUnknownRole);
        Assert.False((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);
    }

    [Fact]
    public async Task RecertifyAsync_Keep_RecordsReviewAndAuditsAccessReviewed()
    {
        using var host = new AccessTestHost();
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support);

        var record = await host.Review.RecertifyAsync(assignment.Id, "reviewer-1", AccessReviewDecision.Keep);

        Assert.Equal((assignment.Id, "reviewer-1", AccessReviewDecision.Keep, host.Time.GetUtcNow()), (record.AssignmentId, record.ReviewerId, record.Decision, record.ReviewedAt));
        Assert.Equal(record, Assert.Single((await host.Review.CreateReportAsync()).Entries).LastReview);
        var audit = Assert.Single(host.Audit.Events, e => e.Kind == AuditEventKind.AccessReviewed);
        Assert.Equal(("reviewer-1", assignment.Id, nameof(AccessReviewDecision.Keep)), (audit.ActorId, audit.ResourceId, audit.Reason));
        Assert.True((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);
    }

    [Fact]
    public async Task RecertifyAsync_Revoke_RevokesImmediately()
    {
        using var host = new AccessTestHost();
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support);
        Assert.True((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);

        await host.Review.RecertifyAsync(assignment.Id, "reviewer-1", AccessReviewDecision.Revoke);

        Assert.False((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);
        Assert.Equal("reviewer-1", (await host.Store.FindAssignmentAsync(assignment.Id))!.RevokedBy);
        Assert.Contains(host.Audit.Events, e => e.Kind == AuditEventKind.RoleRevoked);
    }

    [Fact]
    public async Task RecertifyAsync_OwnAssignment_Throws()
    {
        using var host = new AccessTestHost();
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support);

        var ex = await Assert.ThrowsAsync<AccessControlException>(async () => await host.Review.RecertifyAsync(assignment.Id, "u-1", AccessReviewDecision.Keep));

        Assert.Contains("cannot recertify their own assignment", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await host.Store.GetReviewsAsync());
    }

    [Fact]
    public async Task RecertifyAsync_UnknownAssignmentOrDecision_Throws()
    {
        using var host = new AccessTestHost();
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support);

        await Assert.ThrowsAsync<AccessControlException>(async () => await host.Review.RecertifyAsync("nope", "reviewer-1", AccessReviewDecision.Keep));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await host.Review.RecertifyAsync(assignment.Id, "reviewer-1", (AccessReviewDecision)5));
    }
}
