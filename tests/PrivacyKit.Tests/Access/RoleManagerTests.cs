using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Access;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Access;

public sealed class RoleManagerTests
{
    [Fact]
    public async Task GrantAsync_ValidRequest_StoresAssignmentAndAuditsRoleGranted()
    {
        using var host = new AccessTestHost();
        var expires = host.Time.GetUtcNow().AddDays(30);

        var assignment = await host.GrantAsync("u-1", CrmRoles.SalesRep, expiresAt: expires);

        Assert.Equal(("u-1", CrmRoles.SalesRep, AccessTestHost.Administrator, host.Time.GetUtcNow(), expires), (assignment.ActorId, assignment.Role, assignment.GrantedBy, assignment.GrantedAt, assignment.ExpiresAt));
        Assert.Equal(assignment, Assert.Single(await host.Store.GetAssignmentsAsync("u-1")));
        var audit = Assert.Single(host.Audit.Events);
        Assert.Equal(AuditEventKind.RoleGranted, audit.Kind);
        Assert.Equal(AccessTestHost.Administrator, audit.ActorId);
        Assert.Equal(assignment.Id, audit.ResourceId);
        Assert.Equal(CrmRoles.SalesRep, audit.Properties["role"]);
        Assert.Equal("u-1", audit.Properties["holderId"]);
    }

    [Fact]
    public async Task GrantAsync_RoleNameInOtherCase_StoresDefinedName()
    {
        using var host = new AccessTestHost();

        var assignment = await host.GrantAsync("u-1", "SALES-REP");

        Assert.Equal(CrmRoles.SalesRep, assignment.Role);
    }

    [Fact]
    public async Task GrantAsync_UnknownRole_ThrowsAndStoresNothing()
    {
        using var host = new AccessTestHost();

        var ex = await Assert.ThrowsAsync<AccessControlException>(() => host.GrantAsync("u-1", "root"));

        Assert.Equal("Role 'root' is not defined; add it under PrivacyKit:Access:Roles or with AccessControlOptions.AddRole.", ex.Message);
        Assert.Empty(await host.Store.GetAllAssignmentsAsync());
    }

    [Fact]
    public async Task GrantAsync_ToSelf_Throws()
    {
        using var host = new AccessTestHost();

        var ex = await Assert.ThrowsAsync<AccessControlException>(async () =>
            await host.Roles.GrantAsync(new RoleGrantRequest { ActorId = "a-1", Role = CrmRoles.Admin, GrantedBy = "a-1" }));

        Assert.Contains("cannot grant role 'admin' to themselves", ex.Message, StringComparison.Ordinal);
        Assert.Empty(host.Audit.Events);
    }

    [Fact]
    public async Task GrantAsync_ConflictingRole_ThrowsSeparationOfDutiesAndStoresNothing()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", CrmRoles.Dpo);

        var ex = await Assert.ThrowsAsync<SeparationOfDutiesException>(() => host.GrantAsync("u-1", CrmRoles.Admin));

        Assert.Equal((CrmRoles.Admin, CrmRoles.Dpo), (ex.Role, ex.ConflictingRole));
        Assert.Contains("declared conflicting in PrivacyKit:Access:ConflictingRoles", ex.Message, StringComparison.Ordinal);
        Assert.Single(await host.Store.GetAssignmentsAsync("u-1"));
        Assert.DoesNotContain(host.Audit.Events, e => e.Properties.GetValueOrDefault("role") == CrmRoles.Admin);
    }

    [Fact]
    public async Task GrantAsync_ConflictThroughInheritance_IsRefused()
    {
        using var host = new AccessTestHost(o =>
        {
            o.AddRole("maker").Allow(null, "payments:create");
            o.AddRole("senior-maker").InheritFrom("maker");
            o.AddRole("checker").Allow(null, "payments:approve");
            o.AddConflictingRoles("maker", "checker");
        });
        await host.GrantAsync("u-1", "senior-maker");

        var ex = await Assert.ThrowsAsync<SeparationOfDutiesException>(() => host.GrantAsync("u-1", "checker"));

        Assert.Equal("senior-maker", ex.ConflictingRole);
    }

    [Fact]
    public async Task GrantAsync_ConflictingRoleExpiredOrRevoked_IsAllowed()
    {
        using var host = new AccessTestHost();
        await host.GrantAsync("u-1", CrmRoles.Dpo, expiresAt: host.Time.GetUtcNow().AddHours(1));
        var revoked = await host.GrantAsync("u-2", CrmRoles.Dpo);
        await host.Roles.RevokeAsync(revoked.Id, AccessTestHost.Administrator);
        host.Time.Advance(TimeSpan.FromHours(2));

        var a = await host.GrantAsync("u-1", CrmRoles.Admin);
        var b = await host.GrantAsync("u-2", CrmRoles.Admin);

        Assert.Equal((CrmRoles.Admin, CrmRoles.Admin), (a.Role, b.Role));
    }

    [Fact]
    public async Task GrantAsync_ConcurrentConflictingGrants_OnlyOneSucceeds()
    {
        using var host = new AccessTestHost();

        var results = await Task.WhenAll(
            Task.Run(async () => await Attempt(host, CrmRoles.Admin)),
            Task.Run(async () => await Attempt(host, CrmRoles.Dpo)));

        Assert.Single(results, ok => ok);
        Assert.Single(await host.Store.GetAssignmentsAsync("u-1"));
    }

    [Fact]
    public async Task GrantAsync_ExpiryNotAfterStart_ThrowsArgumentOutOfRange()
    {
        using var host = new AccessTestHost();
        var now = host.Time.GetUtcNow();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.GrantAsync("u-1", CrmRoles.Support, startsAt: now.AddDays(2), expiresAt: now.AddDays(1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.GrantAsync("u-1", CrmRoles.Support, expiresAt: now));
    }

    [Fact]
    public async Task GrantAsync_EmptyIds_ThrowArgumentException()
    {
        using var host = new AccessTestHost();

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await host.Roles.GrantAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(async () => await host.Roles.GrantAsync(new RoleGrantRequest { ActorId = " ", Role = CrmRoles.Support, GrantedBy = "a" }));
    }

    [Fact]
    public async Task GrantAsync_AuditFails_ThrowsAndStoresNothing()
    {
        using var host = new AccessTestHost(services: s => s.AddSingleton<IAuditTrail, FailingAuditTrail>());

        await Assert.ThrowsAsync<AuditException>(() => host.GrantAsync("u-1", CrmRoles.Support));

        Assert.Empty(await host.Store.GetAllAssignmentsAsync());
    }

    [Fact]
    public async Task RevokeAsync_Active_MarksRevokedAndAuditsRoleRevoked()
    {
        using var host = new AccessTestHost();
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support);
        host.Time.Advance(TimeSpan.FromMinutes(3));

        var revoked = await host.Roles.RevokeAsync(assignment.Id, "admin-2");

        Assert.NotNull(revoked);
        Assert.Equal(("admin-2", host.Time.GetUtcNow()), (revoked.RevokedBy, revoked.RevokedAt!.Value));
        var audit = Assert.Single(host.Audit.Events, e => e.Kind == AuditEventKind.RoleRevoked);
        Assert.Equal(("admin-2", assignment.Id), (audit.ActorId, audit.ResourceId));
    }

    [Fact]
    public async Task RevokeAsync_Twice_SecondReturnsNullWithoutAudit()
    {
        using var host = new AccessTestHost();
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support);
        await host.Roles.RevokeAsync(assignment.Id, AccessTestHost.Administrator);

        var second = await host.Roles.RevokeAsync(assignment.Id, AccessTestHost.Administrator);

        Assert.Null(second);
        Assert.Single(host.Audit.Events, e => e.Kind == AuditEventKind.RoleRevoked);
    }

    [Fact]
    public async Task RevokeAsync_UnknownId_ThrowsNamingIt()
    {
        using var host = new AccessTestHost();

        var ex = await Assert.ThrowsAsync<AccessControlException>(async () => await host.Roles.RevokeAsync("nope", AccessTestHost.Administrator));

        Assert.Equal("Role assignment 'nope' does not exist.", ex.Message);
    }

    [Fact]
    public async Task RevokeAsync_AuditFails_RevocationStillTakesEffect()
    {
        var failing = false;
        using var host = new AccessTestHost(services: s => s.AddSingleton<IAuditTrail>(sp => new SwitchableAuditTrail(() => failing)));
        var assignment = await host.GrantAsync("u-1", CrmRoles.Support);
        failing = true;

        await Assert.ThrowsAsync<AuditException>(async () => await host.Roles.RevokeAsync(assignment.Id, AccessTestHost.Administrator));

        Assert.NotNull((await host.Store.FindAssignmentAsync(assignment.Id))!.RevokedAt);
        failing = false;
        Assert.False((await host.EvaluateAsync("u-1", "customers:read")).IsAllowed);
    }

    private static async Task<bool> Attempt(AccessTestHost host, string role)
    {
        try
        {
            await host.GrantAsync("u-1", role);
            return true;
        }
        catch (SeparationOfDutiesException)
        {
            return false;
        }
    }

    private sealed class SwitchableAuditTrail(Func<bool> failing) : IAuditTrail
    {
        public ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
            failing() ? throw new AuditException("The audit buffer is full.") : ValueTask.CompletedTask;
    }
}
