using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.DataMap;
using PrivacyKit.EFCore.Requests;
using PrivacyKit.EFCore.Retention;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore;

public static partial class EntityFrameworkPrivacyKitBuilderExtensions
{
    /// <summary>
    /// Makes a DbContext a personal data source of data subject requests (find, export, erase, rectify, restrict over
    /// its model), adds its tables and columns to the data map, and lets <see cref="IRetentionEnforcer{TContext}"/>
    /// enforce retention on it. The context must be registered (e.g. <c>AddDbContext</c>). Calling it again for the
    /// same context only adds configuration.
    /// </summary>
    /// <typeparam name="TContext">The application's DbContext.</typeparam>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configure">Sets the source name, batch size, erasure strategies, replacements and restriction flags; validated at start-up.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddEntityFrameworkPersonalData<TContext>(this IPrivacyKitBuilder builder, Action<EntityFrameworkPersonalDataOptions>? configure = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var name = EntityFrameworkPersonalDataSource<TContext>.OptionsName;
        var options = services.AddOptions<EntityFrameworkPersonalDataOptions>(name).ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntityFrameworkPersonalDataOptions>, EntityFrameworkPersonalDataOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IPersonalDataSource, EntityFrameworkPersonalDataSource<TContext>>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataMapContributor, EntityFrameworkDataMapContributor<TContext>>());
        services.TryAddSingleton<IRetentionEnforcer<TContext>, EntityFrameworkRetentionEnforcer<TContext>>();
        return builder;
    }
}
