using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrivacyKit.Audit;

namespace PrivacyKit;

public static partial class PrivacyKitServiceCollectionExtensions
{
    static partial void AddAuditServices(IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.TryAddSingleton<IAuditKeyProvider, OptionsAuditKeyProvider>();
        services.TryAddSingleton<IAuditValueHasher, AuditValueHasher>();
        services.TryAddSingleton<AuditPipeline>();
        services.TryAddSingleton<IAuditTrail>(static sp => sp.GetRequiredService<AuditPipeline>());
        services.TryAddSingleton<IAuditPipeline>(static sp => sp.GetRequiredService<AuditPipeline>());
        services.TryAddSingleton<AuditChainVerifier>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuditPipelineHostedService>());
    }
}
