using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.AspNetCore.Internal;

namespace PrivacyKit.AspNetCore.Transport;

/// <summary>
/// Checks the transport posture once the server has bound its addresses: warns, and with
/// <see cref="PrivacyKitAspNetCoreOptions.RefuseInsecureTransport"/> outside Development refuses to start.
/// </summary>
internal sealed class TransportPostureCheck(
    IServer server,
    IConfiguration configuration,
    IHostEnvironment environment,
    IEnumerable<IConfigureOptions<HstsOptions>> hsts,
    IOptions<PrivacyKitAspNetCoreOptions> options,
    ILogger<TransportPostureCheck> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var connectionStrings = configuration.GetSection("ConnectionStrings").GetChildren().Select(s => KeyValuePair.Create(s.Key, s.Value));
        var findings = TransportPosture.Evaluate(addresses, hsts.Any(), connectionStrings, o.TlsTerminatedByProxy);
        foreach (var finding in findings)
        {
            AspNetCoreLog.TransportFinding(logger, finding);
        }

        if (findings.Count > 0 && o.RefuseInsecureTransport && !environment.IsDevelopment())
        {
            AspNetCoreLog.RefusingToStart(logger, findings.Count);
            throw AspNetCoreError.InsecureTransport(findings);
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
