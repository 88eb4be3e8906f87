using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit;
using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Classification;
using PrivacyKit.Context;

namespace PrivacyKit.Benchmarks;

/// <summary>
/// What does one access decision cost: decided afresh (role assignments read from the in-memory
/// store, roles folded into a decision) versus served from the decision cache?
/// </summary>
[MemoryDiagnoser]
public class AccessDecisionBenchmarks
{
    private static readonly Permission Read = Permission.Parse("customers:read");
    private readonly PrivacyActor _actor = new("u-1");
    private ServiceProvider _cachedProvider = null!;
    private ServiceProvider _uncachedProvider = null!;
    private IAccessEvaluator _cached = null!;
    private IAccessEvaluator _uncached = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_cachedProvider, _cached) = Build(TimeSpan.FromMinutes(5));
        (_uncachedProvider, _uncached) = Build(TimeSpan.Zero);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _cachedProvider.Dispose();
        _uncachedProvider.Dispose();
    }

    [Benchmark(Baseline = true, Description = "uncached decision")]
    public async ValueTask<bool> Uncached() => (await _uncached.EvaluateAsync(_actor, Read)).IsAllowed;

    [Benchmark(Description = "cached decision")]
    public async ValueTask<bool> Cached() => (await _cached.EvaluateAsync(_actor, Read)).IsAllowed;

    private (ServiceProvider Provider, IAccessEvaluator Evaluator) Build(TimeSpan cacheLifetime)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IAuditTrail, DiscardingAuditTrail>();
        services.AddPrivacyKit().AddAccessControl(o =>
        {
            o.DecisionCacheLifetime = cacheLifetime;
            o.AddRole("sales-rep").Allow(RowScope.Own, "customers:read", "customers:update")
                .WithDefaultFieldAccess(FieldAccess.Clear)
                .WithFieldAccess(PrivacyClassifications.Sensitive, FieldAccess.Hidden);
            o.AddRole("sales-manager").InheritFrom("sales-rep").Allow(RowScope.Team, "customers:export");
            o.AddRole("support").Allow(RowScope.All, "customers:read").WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Masked);
        });
        var provider = services.BuildServiceProvider();
        var roles = provider.GetRequiredService<IRoleManager>();
        roles.GrantAsync(new RoleGrantRequest { ActorId = _actor.Id, Role = "sales-manager", GrantedBy = "admin" }).AsTask().GetAwaiter().GetResult();
        roles.GrantAsync(new RoleGrantRequest { ActorId = _actor.Id, Role = "support", GrantedBy = "admin" }).AsTask().GetAwaiter().GetResult();
        return (provider, provider.GetRequiredService<IAccessEvaluator>());
    }

    private sealed class DiscardingAuditTrail : IAuditTrail
    {
        public ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
