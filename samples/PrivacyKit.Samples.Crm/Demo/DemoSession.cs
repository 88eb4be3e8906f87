using Microsoft.Extensions.Options;
using PrivacyKit.Context;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Demo;

/// <summary>
/// The running CRM the demo talks to, and what the demo remembers between steps. It can restart the CRM
/// (as a redeployment would): consent history, subject requests, legal holds, role assignments, data keys and the
/// audit trail are in the database.
/// </summary>
public sealed class DemoSession(CrmPaths paths) : IAsyncDisposable
{
    private ServiceProvider? _services;

    public CrmPaths Paths { get; } = paths;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The CRM is not running.");

    /// <summary>Gets the customers as seeded, to compare what PrivacyKit returns with what went in.</summary>
    public Dictionary<Guid, Domain.Customer> Seeded { get; } = [];

    /// <summary>Gets encrypted column values read from the database, keyed by customer and property: what a backup taken then holds.</summary>
    public Dictionary<(Guid Customer, string Property), string> Ciphertexts { get; } = [];

    /// <summary>Gets the marketing policy version the CRM runs with.</summary>
    public string MarketingPolicyVersion { get; private set; } = CrmPurposes.FirstMarketingPolicy;

    /// <summary>Starts the CRM, or restarts it (with a new marketing policy version when one is given).</summary>
    public async Task StartAsync(string? marketingPolicyVersion = null)
    {
        MarketingPolicyVersion = marketingPolicyVersion ?? MarketingPolicyVersion;
        var services = new ServiceCollection();
        if (_services is not null)
        {
            await _services.DisposeAsync();   // role assignments, consent and audit records stay in the database
        }

        services.AddCrm(CrmPrivacy.LoadConfiguration(), Paths, MarketingPolicyVersion);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _services.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>An employee of the CRM as PrivacyKit sees them: id and the role they signed in with.</summary>
    public static PrivacyActor Actor(string userId) =>
        new(userId, SeedData.Users.Where(u => u.Id == userId).Select(u => u.Role));

    /// <summary>Makes <paramref name="userId"/> the actor of what follows (audit records name them) until disposed.</summary>
    public IDisposable ActAs(string userId) =>
        Services.GetRequiredService<IPrivacyContextAccessor>().Push(new PrivacyContext(Actor(userId)));

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
