using Microsoft.EntityFrameworkCore;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.RowScope;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.RowScope;

public sealed class RowScopeFilterTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_SalesRep_SeesOwnCustomersOnly(string provider)
    {
        await using var host = await RowScopeTestHost.CreateAsync(provider);
        using var actor = host.As("rep", roles: "sales-rep");
        await using var context = host.CreateContext();

        Assert.Equal([1, 2], await Ids(context));
        Assert.Equal(2, await context.Customers.CountAsync());
        Assert.Null(await context.Customers.FirstOrDefaultAsync(c => c.Id == 3));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_Manager_SeesOwnAndTeamCustomers(string provider)
    {
        await using var host = await RowScopeTestHost.CreateAsync(provider);
        using var actor = host.As("mgr", roles: "manager");
        await using var context = host.CreateContext();

        Assert.Equal([2, 3, 4], await Ids(context));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_Admin_SeesAllCustomers(string provider)
    {
        await using var host = await RowScopeTestHost.CreateAsync(provider);
        using var actor = host.As("boss", roles: "admin");
        await using var context = host.CreateContext();

        Assert.Equal([1, 2, 3, 4, 5], await Ids(context));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_TenantAdmin_SeesOwnTenantOnly_AndNothingWithoutTenant(string provider)
    {
        await using var host = await RowScopeTestHost.CreateAsync(provider);
        await using var context = host.CreateContext();
        using (host.As("ta", "t2", "tenant-admin"))
        {
            Assert.Equal([3, 4], await Ids(context));
        }

        using (host.As("ta", null, "tenant-admin"))
        {
            Assert.Empty(await Ids(context));
        }
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_ActorWithoutGrantOrWithoutActor_SeesNothing(string provider)
    {
        await using var host = await RowScopeTestHost.CreateAsync(provider);
        await using var context = host.CreateContext();
        using (host.As("mkt", roles: "marketing"))
        {
            Assert.Empty(await Ids(context));
            Assert.Equal(0, await context.Customers.CountAsync());
        }

        Assert.Empty(await Ids(context));
        Assert.Single(await context.Products.ToListAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SameQuery_SwitchingActorsBetweenExecutions_UsesEachExecutionsActor(string provider)
    {
        await using var host = await RowScopeTestHost.CreateAsync(provider);
        var compiled = EF.CompileAsyncQuery((RowScopeCrmContext c) => c.Customers.OrderBy(x => x.Id).Select(x => x.Id));
        await using var context = host.CreateContext();
        var seen = new List<int[]>();
        foreach (var (id, role) in new[] { ("rep", "sales-rep"), ("mgr", "manager"), ("rep", "sales-rep"), ("boss", "admin"), ("mkt", "marketing") })
        {
            using var actor = host.As(id, roles: role);
            seen.Add([.. await Ids(context)]);
            Assert.Equal(seen[^1], await compiled(context).ToArrayAsync());
        }

        Assert.Equal([[1, 2], [2, 3, 4], [1, 2], [1, 2, 3, 4, 5], []], seen);
        Assert.DoesNotContain(host.Commands.Texts, t => t.Contains("'rep'", StringComparison.Ordinal) || t.Contains("'mgr'", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_GuidOwnerAndApplicationFilter_BothApply(string provider)
    {
        await using var host = await RowScopeTestHost.CreateAsync(provider);
        await using var context = host.CreateContext();
        using var actor = host.As(RowScopeTestHost.RepNoteOwner.ToString("D"), roles: "sales-rep");

        Assert.Equal([1], await context.Notes.Select(n => n.Id).ToListAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task IgnorePrivacyScope_ReturnsEveryRow_AndRecordsTheBypass(string provider)
    {
        await using var host = await RowScopeTestHost.CreateAsync(provider);
        await using var context = host.CreateContext();
        using var actor = host.As("rep", roles: "sales-rep");

        var all = await context.Customers.IgnorePrivacyScope("duplicate check before import").OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
        var notes = await context.Notes.IgnorePrivacyScope("retention sweep").Select(n => n.Id).OrderBy(n => n).ToListAsync();

        Assert.Equal([1, 2, 3, 4, 5], all);
        Assert.Equal([1, 3], notes); // the application's own filter (archived) still applies
        var records = host.Sink.Records;
        Assert.Equal(2, records.Count);
        var bypass = records[0].Event;
        Assert.Equal(AuditEventKind.ProtectionBypassed, bypass.Kind);
        Assert.Equal("rep", bypass.ActorId);
        Assert.Equal("sales", bypass.Purpose);
        Assert.Equal("ScopedCustomer", bypass.ResourceType);
        Assert.Equal("duplicate check before import", bypass.Reason);
        Assert.Equal("customers:ignore-row-scope", bypass.Action);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task IgnorePrivacyScope_WithoutReason_Throws(string reason)
    {
        await using var host = await RowScopeTestHost.CreateAsync(nameof(DatabaseProvider.Sqlite));
        await using var context = host.CreateContext();

        var ex = Assert.Throws<ArgumentException>(() => context.Customers.IgnorePrivacyScope(reason));
        Assert.Equal("reason", ex.ParamName);
        Assert.Empty(host.Sink.Records);
    }

    [Fact]
    public async Task Query_ModelWithoutRowScopeFilter_IsRefused()
    {
        await using var host = await RowScopeTestHost.CreateAsync(nameof(DatabaseProvider.Sqlite));
        await using var context = host.CreateContext(withFilter: false);
        using var actor = host.As("rep", roles: "sales-rep");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Customers.ToListAsync());
        Assert.Contains("ScopedCustomer", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UsePrivacyKit", ex.Message, StringComparison.Ordinal);
        Assert.Single(await context.Products.ToListAsync());
    }

    [Fact]
    public async Task Query_FilterWithoutInterceptor_FailsClosedWithClearError()
    {
        await using var host = await RowScopeTestHost.CreateAsync(nameof(DatabaseProvider.Sqlite));
        await using var context = host.CreateContext(withInterceptors: false);
        using var actor = host.As("rep", roles: "sales-rep");

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => context.Customers.ToListAsync());
        Assert.Contains("row-scope interceptor", ex.Message, StringComparison.Ordinal);
    }

    private static Task<List<int>> Ids(RowScopeCrmContext context) => context.Customers.OrderBy(c => c.Id).Select(c => c.Id).ToListAsync();
}
