using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyKit.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit;

public static partial class PrivacyKitServiceCollectionExtensions
{
    static partial void AddRetentionServices(IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataMapContributor, RetentionDataMapContributor>());
        services.TryAddSingleton<ILegalHoldStore, InMemoryLegalHoldStore>();
        services.TryAddSingleton<IRetentionPlanner, RetentionPlanner>();
        services.TryAddSingleton<ILegalHoldService, LegalHoldService>();
    }
}
