using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.Tests.TestSupport;

namespace PrivacyKit.Tests.Access;

/// <summary>A real PrivacyKit container with access control, a recording audit trail and a fake clock.</summary>
public sealed class AccessTestHost : IDisposable
{
    public const string Administrator = "admin-0";

    private readonly ServiceProvider _provider;

    public AccessTestHost(Action<AccessControlOptions>? configure = null, Action<IServiceCollection>? services = null)
    {
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton<IAuditTrail>(Audit);
        services?.Invoke(collection);
        collection.AddPrivacyKit().AddAccessControl(configure ?? CrmRoles.Configure);
        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    public RecordingAuditTrail Audit { get; } = new();

    public IServiceProvider Services => _provider;

    public IAccessEvaluator Evaluator => _provider.GetRequiredService<IAccessEvaluator>();

    public IRoleManager Roles => _provider.GetRequiredService<IRoleManager>();

    public IAccessReviewService Review => _provider.GetRequiredService<IAccessReviewService>();

    public IAccessPolicyProvider Policies => _provider.GetRequiredService<IAccessPolicyProvider>();

    public IRoleStore Store => _provider.GetRequiredService<IRoleStore>();

    public static Permission P(string text) => Permission.Parse(text);

    public async Task<RoleAssignment> GrantAsync(string actorId, string role, DateTimeOffset? startsAt = null, DateTimeOffset? expiresAt = null) =>
        await Roles.GrantAsync(new RoleGrantRequest { ActorId = actorId, Role = role, GrantedBy = Administrator, StartsAt = startsAt, ExpiresAt = expiresAt });

    public async Task<AccessDecision> EvaluateAsync(string actorId, string permission, string? tenantId = null) =>
        await Evaluator.EvaluateAsync(new PrivacyActor(actorId, tenantId: tenantId), P(permission));

    public void Dispose() => _provider.Dispose();
}
