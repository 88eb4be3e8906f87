using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Context;

namespace PrivacyKit.Tests.Access;

public sealed class AccessEvaluatorInstanceTests
{
    private const string CanaryEmail = "canary.person@example.invalid";
    private static readonly Permission Update = Permission.Parse("customers:update");

    private static AccessTestHost Host() => new(o =>
    {
        CrmRoles.Configure(o);
        o.MapRowScope<Customer>(nameof(Customer.OwnerId), nameof(Customer.TeamId), nameof(Customer.TenantId));
        o.TeamResolver = actor => actor.Id == "m-1" ? ["north"] : [];
    });

    [Fact]
    public async Task EvaluateInstanceAsync_OwnCustomer_Allows()
    {
        using var host = Host();
        await host.GrantAsync("u-1", CrmRoles.SalesRep);

        var decision = await host.Evaluator.EvaluateInstanceAsync(new PrivacyActor("u-1"), Update, new Customer { OwnerId = "u-1" });

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public async Task EvaluateInstanceAsync_SomeoneElsesCustomer_DeniesOutOfScopeAndAuditsWithoutPersonalValues()
    {
        using var host = Host();
        await host.GrantAsync("u-1", CrmRoles.SalesRep);

        var decision = await host.Evaluator.EvaluateInstanceAsync(new PrivacyActor("u-1"), Update, new Customer { OwnerId = "u-2", Email = CanaryEmail });

        Assert.False(decision.IsAllowed);
        Assert.Equal(AccessDecisionReason.OutOfScope, decision.Reason);
        Assert.Equal(RowScope.None, decision.Rows.Scope);
        var denied = Assert.Single(host.Audit.Events, e => e.Kind == AuditEventKind.AccessDenied);
        Assert.Equal(nameof(Customer), denied.ResourceType);
        Assert.Equal(nameof(AccessDecisionReason.OutOfScope), denied.Reason);
        Assert.DoesNotContain(CanaryEmail, denied.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryEmail, decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateInstanceAsync_TeamScope_ReachesTeamRowsAndOwnRowsOnly()
    {
        using var host = Host();
        await host.GrantAsync("m-1", CrmRoles.SalesManager);
        var actor = new PrivacyActor("m-1");

        Assert.True((await host.Evaluator.EvaluateInstanceAsync(actor, Update, new Customer { OwnerId = "u-9", TeamId = "north" })).IsAllowed);
        Assert.True((await host.Evaluator.EvaluateInstanceAsync(actor, Update, new Customer { OwnerId = "m-1", TeamId = "south" })).IsAllowed);
        Assert.False((await host.Evaluator.EvaluateInstanceAsync(actor, Update, new Customer { OwnerId = "u-9", TeamId = "south" })).IsAllowed);
    }

    [Fact]
    public async Task EvaluateInstanceAsync_AllScope_NeedsNoBinding()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("s-1", CrmRoles.Support);

        var decision = await host.Evaluator.EvaluateInstanceAsync(new PrivacyActor("s-1"), Permission.Parse("customers:read"), new Customer());

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public async Task EvaluateInstanceAsync_RowScopedWithoutBinding_ThrowsNamingTheEntity()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", CrmRoles.SalesRep);

        var ex = await Assert.ThrowsAsync<AccessControlException>(async () =>
            await host.Evaluator.EvaluateInstanceAsync(new PrivacyActor("u-1"), Update, new Customer { Email = CanaryEmail }));

        Assert.Contains("'Customer' has no row scope binding", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MapRowScope<Customer>", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(CanaryEmail, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateInstanceAsync_NullInstance_Throws()
    {
        using var host = Host();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await host.Evaluator.EvaluateInstanceAsync(new PrivacyActor("u-1"), Update, null!));
    }
}
