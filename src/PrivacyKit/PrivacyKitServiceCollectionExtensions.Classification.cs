using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyKit.Classification;

namespace PrivacyKit;

public static partial class PrivacyKitServiceCollectionExtensions
{
    static partial void AddClassificationServices(IServiceCollection services)
    {
        services.AddOptions<DataMapOptions>();
        services.AddOptions<DataMapStartupCheck>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DataMapStartupCheck>, DataMapStartupCheckValidator>());
        services.TryAddSingleton<IDataMapProvider, DataMapProvider>();
    }
}
