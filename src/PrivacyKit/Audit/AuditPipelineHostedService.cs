using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PrivacyKit.Audit;

/// <summary>
/// Creates the audit pipeline when the host starts (so key and sink problems surface at start-up) and flushes it
/// when the host stops. The pipeline drains the rest when the service provider disposes it.
/// </summary>
internal sealed class AuditPipelineHostedService(IServiceProvider services) : IHostedService
{
    private IAuditPipeline? _pipeline;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _pipeline = services.GetRequiredService<IAuditTrail>() as IAuditPipeline;
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_pipeline is not null)
        {
            try
            {
                await _pipeline.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Shutdown timed out: the provider's dispose still drains the buffer.
            }
        }
    }
}
