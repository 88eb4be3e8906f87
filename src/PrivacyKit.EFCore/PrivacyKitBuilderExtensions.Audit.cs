using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PrivacyKit.EFCore.Auditing;
using PrivacyKit.EFCore.RowScope;
using PrivacyKit.EFCore.Stores.Audit;

namespace PrivacyKit.EFCore;

public static partial class EntityFrameworkPrivacyKitBuilderExtensions
{
    /// <summary>
    /// Configures PrivacyKit's EF Core auditing: change auditing (on by default) and which classifications of
    /// personal data are audited when read (sensitive data always is). The options are validated at start-up.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder ConfigureEntityFrameworkAuditing(this IPrivacyKitBuilder builder, Action<EntityFrameworkAuditOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<EntityFrameworkAuditOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EntityFrameworkAuditOptions>, EntityFrameworkAuditOptionsValidator>());
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Configures PrivacyKit's row-scope query filter: the access-control resource each scoped entity type is
    /// decided against (default: the type name in lower case plus <c>s</c>) and the read action.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder ConfigureEntityFrameworkRowScope(this IPrivacyKitBuilder builder, Action<PrivacyRowScopeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<PrivacyRowScopeOptions>().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyRowScopeOptions>, PrivacyRowScopeOptionsValidator>());
        builder.Services.Configure(configure);
        return builder;
    }

    static partial void AddAuditStoreServices<TContext>(IServiceCollection services)
        where TContext : DbContext => AuditStoreServices.Add<TContext>(services);
}
