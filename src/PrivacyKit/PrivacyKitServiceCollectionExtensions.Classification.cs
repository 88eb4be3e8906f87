using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyKit.Classification;

namespace PrivacyKit;

public static partial class PrivacyKitServiceCollectionExtensions
{
    static partial void AddClassificationServices(IServiceCollection services)
    {
        services.AddOptions<DataMapOptions>();
        services.TryAddSingleton<IDataMapProvider, DataMapProvider>();
    }
}
