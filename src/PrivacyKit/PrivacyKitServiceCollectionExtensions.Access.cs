using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyKit.Access;

namespace PrivacyKit;

public static partial class PrivacyKitServiceCollectionExtensions
{
    static partial void AddAccessServices(IServiceCollection services)
    {
        services.AddOptions<AccessControlOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AccessControlOptions>, AccessControlOptionsValidator>());
        services.TryAddSingleton<AccessStateVersion>();
        services.TryAddSingleton<RoleUsageTracker>();
        services.TryAddSingleton<AccessPolicyProvider>();
        services.TryAddSingleton<IAccessPolicyProvider>(sp => sp.GetRequiredService<AccessPolicyProvider>());
        services.TryAddSingleton<IRoleStore, InMemoryRoleStore>();
        services.TryAddSingleton<IRowScopeResolver, DefaultRowScopeResolver>();
        services.TryAddSingleton<IAccessEvaluator, AccessEvaluator>();
        services.TryAddSingleton<IRoleManager, RoleManager>();
        services.TryAddSingleton<IAccessReviewService, AccessReviewService>();
    }
}
