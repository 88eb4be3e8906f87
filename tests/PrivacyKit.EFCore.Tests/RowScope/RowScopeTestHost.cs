using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.EFCore.RowScope;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.RowScope;

/// <summary>
/// An application with roles sales-rep (own customers), manager (team), admin (all) and tenant-admin (tenant), the
/// customers' and notes' row-scope bindings, an in-memory audit sink, and a seeded test database.
/// </summary>
internal sealed class RowScopeTestHost : IAsyncDisposable
{
    public static readonly Guid RepNoteOwner = Guid.Parse("6d1f0c7e-3c7b-4a39-9d25-1f3b8f4a2c11");

    private RowScopeTestHost(TestDatabase database)
    {
        Database = database;
        var services = new ServiceCollection().AddLogging();
        services.AddPrivacyKit(o => o.InstanceId = "scope-1")
            .AddBatchedAuditSink(Sink, AuditSinkPolicy.MustSucceed)
            .AddAccessControl(o =>
            {
                o.TrustClaimedRoles = true;
                o.AddRole("sales-rep").Allow(Access.RowScope.Own, "customers:read", "scopednotes:read");
                o.AddRole("manager").Allow(Access.RowScope.Team, "customers:read");
                o.AddRole("admin").Allow(Access.RowScope.All, "customers:read");
                o.AddRole("tenant-admin").Allow(Access.RowScope.Tenant, "customers:read");
                o.AddRole("marketing").Allow(Access.RowScope.All, "campaigns:read");
                o.MapRowScope<ScopedCustomer>(nameof(ScopedCustomer.OwnerId), nameof(ScopedCustomer.TeamId), nameof(ScopedCustomer.TenantId));
                o.MapRowScope<ScopedNote>(nameof(ScopedNote.OwnerId));
                o.TeamResolver = actor => actor.Id == "mgr" ? ["team-a"] : [];
            })
            .ConfigureEntityFrameworkRowScope(o => o.MapResource<ScopedCustomer>("customers"));
        Services = services.BuildServiceProvider();
        Interceptors = [.. RowScopeInterceptors.Create(Services)];
    }

    public TestDatabase Database { get; }

    public ServiceProvider Services { get; }

    public IInterceptor[] Interceptors { get; }

    public InMemoryAuditSink Sink { get; } = new();

    public CommandTextRecorder Commands { get; } = new();

    public static async Task<RowScopeTestHost> CreateAsync(string provider)
    {
        var host = new RowScopeTestHost(await ProviderData.CreateAsync(provider));
        await using var context = host.CreateContext(withFilter: false, withInterceptors: false);
        await context.Database.EnsureCreatedAsync();
        context.Customers.AddRange(
            new ScopedCustomer { Id = 1, OwnerId = "rep", TeamId = "team-b", TenantId = "t1", Name = "Ann" },
            new ScopedCustomer { Id = 2, OwnerId = "rep", TeamId = "team-a", TenantId = "t1", Name = "Ben" },
            new ScopedCustomer { Id = 3, OwnerId = "other", TeamId = "team-a", TenantId = "t2", Name = "Cat" },
            new ScopedCustomer { Id = 4, OwnerId = "mgr", TeamId = null, TenantId = "t2", Name = "Dan" },
            new ScopedCustomer { Id = 5, OwnerId = "other", TeamId = "team-c", TenantId = null, Name = "Eve" });
        context.Notes.AddRange(
            new ScopedNote { Id = 1, OwnerId = RepNoteOwner, Text = "a" },
            new ScopedNote { Id = 2, OwnerId = RepNoteOwner, Text = "b", Archived = true },
            new ScopedNote { Id = 3, OwnerId = Guid.NewGuid(), Text = "c" });
        context.Products.Add(new Product { Id = 1, Name = "widget" });
        await context.SaveChangesAsync();
        return host;
    }

    public RowScopeCrmContext CreateContext(bool withFilter = true, bool withInterceptors = true)
    {
        var options = Database.Configure(new DbContextOptionsBuilder<RowScopeCrmContext>())
            .ReplaceService<IModelCacheKeyFactory, FilterModelCacheKeyFactory>()
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)) // the test process hosts many applications
            .AddInterceptors(Commands);
        if (withInterceptors)
        {
            options.AddInterceptors(Interceptors);
        }

        return new RowScopeCrmContext(options.Options, withFilter ? Services.GetRequiredService<IRowScopeResolver>() : null);
    }

    public IDisposable As(string actorId, string? tenantId = null, params string[] roles) =>
        Services.GetRequiredService<IPrivacyContextAccessor>().Push(new PrivacyContext(new PrivacyActor(actorId, roles, tenantId)) { Purpose = "sales" });

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>One model with the row-scope filter and one without, per context type.</summary>
    private sealed class FilterModelCacheKeyFactory : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) =>
            (context.GetType(), ((RowScopeCrmContext)context).HasRowScope, designTime);
    }
}
