using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Classification;
using PrivacyKit.Context;

namespace PrivacyKit.Tests.Access;

public sealed class AccessEvaluatorTests
{
    private static readonly Permission Read = Permission.Parse("customers:read");

    [Fact]
    public async Task EvaluateAsync_NoAssignment_DeniesAndAuditsOnce()
    {
        using var host = new AccessTestHost();

        var decision = await host.EvaluateAsync("u-1", "customers:read");

        Assert.False(decision.IsAllowed);
        Assert.Equal(AccessDecisionReason.NotGranted, decision.Reason);
        Assert.Equal(RowScope.None, decision.Rows.Scope);
        Assert.Equal(FieldAccess.Hidden, decision.Fields.GetAccess(PrivacyClassifications.Contact));
        var audit = Assert.Single(host.Audit.Events);
        Assert.Equal(AuditEventKind.AccessDenied, audit.Kind);
        Assert.Equal(AuditOutcome.Denied, audit.Outcome);
        Assert.Equal("u-1", audit.ActorId);
        Assert.Equal("customers:read", audit.Action);
        Assert.Equal("customers", audit.ResourceType);
        Assert.Equal(nameof(AccessDecisionReason.NotGranted), audit.Reason);
    }

    [Fact]
    public async Task EvaluateAsync_Allowed_IsNotAudited()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", CrmRoles.SalesRep);
        var grants = host.Audit.Events.Count;

        var decision = await host.EvaluateAsync("u-1", "customers:read");

        Assert.True(decision.IsAllowed);
        Assert.Equal([CrmRoles.SalesRep], decision.GrantingRoles);
        Assert.Equal(RowScope.Own, decision.Rows.Scope);
        Assert.Equal("u-1", decision.Rows.ActorId);
        Assert.Equal(grants, host.Audit.Events.Count);
    }

    [Fact]
    public async Task EvaluateAsync_DeniedFromCache_IsAuditedEveryTime()
    {
        using var host = new AccessTestHost();

        await host.EvaluateAsync("u-1", "customers:export");
        await host.EvaluateAsync("u-1", "customers:export");

        Assert.Equal(2, host.Audit.Events.Count(e => e.Kind == AuditEventKind.AccessDenied));
    }

    [Fact]
    public async Task EvaluateAsync_SameActorAndPermission_ReturnsCachedDecision()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", CrmRoles.Support);
        var actor = new PrivacyActor("u-1");

        var first = await host.Evaluator.EvaluateAsync(actor, Read);
        var second = await host.Evaluator.EvaluateAsync(actor, Read);

        Assert.Same(first, second);
    }

    [Fact]
    public async Task EvaluateAsync_CacheLifetimeZero_DecidesAfresh()
    {
        using var host = new AccessTestHost(o =>
        {
            CrmRoles.Configure(o);
            o.DecisionCacheLifetime = TimeSpan.Zero;
        });
        await host.GrantAsync("u-1", CrmRoles.Support);
        var actor = new PrivacyActor("u-1");

        var first = await host.Evaluator.EvaluateAsync(actor, Read);
        var second = await host.Evaluator.EvaluateAsync(actor, Read);

        Assert.NotSame(first, second);
        Assert.True(second.IsAllowed);
    }

    [Fact]
    public async Task EvaluateAsync_CacheFull_StartsOverAndStillDecidesCorrectly()
    {
        using var host = new AccessTestHost(o =>
        {
            CrmRoles.Configure(o);
            o.DecisionCacheSize = 2;
        });
        await host.GrantAsync("d-1", CrmRoles.Dpo);
        var actor = new PrivacyActor("d-1");
        var first = await host.Evaluator.EvaluateAsync(actor, Read);

        await host.Evaluator.EvaluateAsync(actor, Permission.Parse("customers:export"));
        await host.Evaluator.EvaluateAsync(actor, Permission.Parse("customers:erase"));
        var again = await host.Evaluator.EvaluateAsync(actor, Read);

        Assert.NotSame(first, again);
        Assert.True(again.IsAllowed);
        Assert.False((await host.Evaluator.EvaluateAsync(actor, Permission.Parse("roles:manage"))).IsAllowed);
    }

    [Fact]
    public async Task EvaluateAsync_AfterRevoke_DeniesImmediatelyDespiteCache()
    {
        using var host = new AccessTestHost();
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support);
        Assert.True((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);

        await host.Roles.RevokeAsync(assignment.Id, AccessTestHost.Administrator);

        Assert.False((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);
    }

    [Fact]
    public async Task EvaluateAsync_AssignmentExpiresWhileCached_DeniesFromExpiry()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", CrmRoles.Support, expiresAt: host.Time.GetUtcNow().AddSeconds(5));
        Assert.True((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);

        host.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.False((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);
    }

    [Fact]
    public async Task EvaluateAsync_AssignmentStartsLater_DeniesUntilStartThenAllows()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", CrmRoles.Support, startsAt: host.Time.GetUtcNow().AddSeconds(10));
        Assert.False((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);

        host.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.True((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);
    }

    [Fact]
    public async Task EvaluateAsync_ClaimedRoleByDefault_DoesNotCount()
    {
        using var host = new AccessTestHost();

        var decision = await host.Evaluator.EvaluateAsync(new PrivacyActor("u-1", [CrmRoles.Dpo]), Read);

        Assert.False(decision.IsAllowed);
        Assert.Empty(decision.HeldRoles);
    }

    [Fact]
    public async Task EvaluateAsync_ClaimedRoleWhenTrusted_CountsAndUnknownClaimsAreIgnored()
    {
        using var host = new AccessTestHost(o =>
        {
            CrmRoles.Configure(o);
            o.TrustClaimedRoles = true;
        });

        var withClaim = await host.Evaluator.EvaluateAsync(new PrivacyActor("u-1", [CrmRoles.Dpo, "root"]), Read);
        var withoutClaim = await host.Evaluator.EvaluateAsync(new PrivacyActor("u-1", ["root"]), Read);

        Assert.True(withClaim.IsAllowed);
        Assert.Equal([CrmRoles.Dpo], withClaim.HeldRoles);
        Assert.False(withoutClaim.IsAllowed);
    }

    [Fact]
    public async Task EvaluateAsync_TenantScope_CarriesActorTenantAndIsNotReusedForAnotherTenant()
    {
        using var host = new AccessTestHost(o => o.AddRole("agent").Allow(RowScope.Tenant, "customers:read"));
        await host.GrantAsync("u-1", "agent");

        var a = await host.EvaluateAsync("u-1", "customers:read", tenantId: "t-a");
        var b = await host.EvaluateAsync("u-1", "customers:read", tenantId: "t-b");

        Assert.Equal("t-a", a.Rows.TenantId);
        Assert.Equal("t-b", b.Rows.TenantId);
        Assert.Equal(RowScope.Tenant, b.Rows.Scope);
    }

    [Fact]
    public async Task EvaluateAsync_TeamScope_CarriesTeamsFromResolver()
    {
        using var host = new AccessTestHost(o =>
        {
            CrmRoles.Configure(o);
            o.TeamResolver = actor => actor.Id == "m-1" ? ["north", "east"] : [];
        });
        await host.GrantAsync("m-1", CrmRoles.SalesManager);

        var decision = await host.EvaluateAsync("m-1", "customers:export");

        Assert.Equal(RowScope.Team, decision.Rows.Scope);
        Assert.Equal(["north", "east"], decision.Rows.TeamIds);
    }

    [Fact]
    public async Task EvaluateAsync_SeveralRoles_TakesWidestScopeAndMostOpenFields()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", CrmRoles.SalesRep);
        await host.GrantAsync("u-1", CrmRoles.Support);

        var decision = await host.EvaluateAsync("u-1", "customers:read");

        Assert.Equal(RowScope.All, decision.Rows.Scope);
        Assert.Equal(FieldAccess.Clear, decision.Fields.GetAccess(PrivacyClassifications.Contact));
        Assert.Equal(FieldAccess.Masked, decision.Fields.GetAccess(PrivacyClassifications.Financial));
        Assert.Equal(FieldAccess.Hidden, decision.Fields.GetAccess(PrivacyClassifications.Sensitive));
    }

    [Fact]
    public async Task EvaluateAsync_NullActorOrEmptyPermission_Throws()
    {
        using var host = new AccessTestHost();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await host.Evaluator.EvaluateAsync(null!, Read));
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => await host.Evaluator.EvaluateAsync(new PrivacyActor("u-1"), default));
        Assert.Equal("permission", ex.ParamName);
    }

    [Fact]
    public async Task EvaluateAsync_Reload_InvalidatesCachedDecisions()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", CrmRoles.Support);
        var before = await host.EvaluateAsync("u-1", "customers:read");

        var reloaded = new AccessControlOptions();
        reloaded.AddRole(CrmRoles.Support).Allow(RowScope.All, "tickets:read");
        host.Policies.Reload(reloaded);
        var after = await host.EvaluateAsync("u-1", "customers:read");

        Assert.True(before.IsAllowed);
        Assert.False(after.IsAllowed);
        Assert.True(after.PolicyVersion > before.PolicyVersion);
    }

    [Fact]
    public async Task ThrowIfDenied_Denied_ThrowsWithPermissionAndReason()
    {
        using var host = new AccessTestHost();
        var decision = await host.EvaluateAsync("u-1", "customers:erase");

        var ex = Assert.Throws<AccessDeniedException>(decision.ThrowIfDenied);

        Assert.Equal(Permission.Parse("customers:erase"), ex.Permission);
        Assert.Equal(AccessDecisionReason.NotGranted, ex.Reason);
        Assert.Contains("customers:erase", ex.Message, StringComparison.Ordinal);
    }
}
