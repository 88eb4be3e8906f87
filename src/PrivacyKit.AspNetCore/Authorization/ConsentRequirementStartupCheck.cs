using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PrivacyKit.AspNetCore.Internal;
using PrivacyKit.Consent;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>
/// Fails start-up when an endpoint requires consent to a purpose that is not configured, instead of failing each
/// request that reaches it.
/// </summary>
internal sealed class ConsentRequirementStartupCheck(IServiceProvider services, IConsentService consent) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // After the web host started: only then has it built the pipeline that registers the endpoint data sources.
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var endpoints = services.GetService<EndpointDataSource>()?.Endpoints ?? [];
        var known = consent.Purposes.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var endpoint in endpoints)
        {
            foreach (var data in endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>())
            {
                if (data.Policy is { } policy && policy.StartsWith(PrivacyPolicyNames.ConsentPrefix, StringComparison.Ordinal))
                {
                    var purpose = policy[PrivacyPolicyNames.ConsentPrefix.Length..].Split('@')[0];
                    if (!known.Contains(purpose))
                    {
                        throw AspNetCoreError.UnknownPurposeOnEndpoint(endpoint.DisplayName ?? "(unnamed endpoint)", purpose, known);
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
