using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyKit.Context;
using PrivacyKit.Internal;

namespace PrivacyKit;

/// <summary>Registers PrivacyKit in an <see cref="IServiceCollection"/>.</summary>
public static partial class PrivacyKitServiceCollectionExtensions
{
    /// <summary>
    /// Adds PrivacyKit's core services. Calling it more than once is harmless: services are added
    /// with <c>TryAdd</c>, so a registration the application made first wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="PrivacyKitOptions"/>; may be <see langword="null"/>.</param>
    /// <returns>A builder for further PrivacyKit configuration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddPrivacyKit(this IServiceCollection services, Action<PrivacyKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<PrivacyKitOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyKitOptions>, PrivacyKitOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPrivacyContextAccessor, PrivacyContextAccessor>();

        AddKeyServices(services);
        AddEncryptionServices(services);
        AddClassificationServices(services);
        AddConsentServices(services);
        AddRetentionServices(services);
        AddAccessServices(services);
        AddAuditServices(services);
        AddRequestServices(services);

        return new PrivacyKitBuilder(services);
    }

    // Each feature registers its defaults in its own partial file
    // (PrivacyKitServiceCollectionExtensions.{Feature}.cs), always with TryAdd*.
    static partial void AddKeyServices(IServiceCollection services);

    static partial void AddEncryptionServices(IServiceCollection services);

    static partial void AddClassificationServices(IServiceCollection services);

    static partial void AddConsentServices(IServiceCollection services);

    static partial void AddRetentionServices(IServiceCollection services);

    static partial void AddAccessServices(IServiceCollection services);

    static partial void AddAuditServices(IServiceCollection services);

    static partial void AddRequestServices(IServiceCollection services);
}
