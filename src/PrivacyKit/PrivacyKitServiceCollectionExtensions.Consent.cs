using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyKit.Consent;
using PrivacyKit.Requests;

namespace PrivacyKit;

public static partial class PrivacyKitServiceCollectionExtensions
{
    static partial void AddConsentServices(IServiceCollection services)
    {
        services.AddOptions<ConsentOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConsentOptions>, ConsentOptionsValidator>());
        services.TryAddSingleton<IConsentStore, InMemoryConsentStore>();
        services.TryAddSingleton<IConsentService, ConsentService>();

        // Subject requests include the consent history (export) and withdraw consents (erasure, objection, opt-out).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPersonalDataSource, ConsentPersonalDataSource>());
    }
}
