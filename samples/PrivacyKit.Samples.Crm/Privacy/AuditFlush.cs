using PrivacyKit.Audit;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>
/// Writes the audit records still queued in the pipeline before the service provider goes away. The database sink
/// opens a service scope per batch, which a provider that is already disposing no longer gives; flushing first keeps
/// the last records of a run (and the checkpoint the pipeline takes at shutdown matches what is stored).
/// </summary>
public static class AuditFlush
{
    public static async ValueTask FlushAndDisposeAsync(this ServiceProvider services)
    {
        await services.GetRequiredService<IAuditPipeline>().FlushAsync();
        await services.DisposeAsync();
    }

    /// <summary>A service provider that flushes the audit pipeline before it is disposed.</summary>
    public sealed class Scope(ServiceProvider services) : IAsyncDisposable, IServiceProvider
    {
        public object? GetService(Type serviceType) => services.GetService(serviceType);

        public ValueTask DisposeAsync() => services.FlushAndDisposeAsync();
    }
}
