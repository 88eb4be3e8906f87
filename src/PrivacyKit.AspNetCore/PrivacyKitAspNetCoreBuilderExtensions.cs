using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PrivacyKit.AspNetCore.Authorization;
using PrivacyKit.AspNetCore.Http;
using PrivacyKit.AspNetCore.Internal;
using PrivacyKit.AspNetCore.Transport;
using PrivacyKit.Audit;

namespace PrivacyKit.AspNetCore;

/// <summary>Registers the ASP.NET Core adapter on the PrivacyKit builder.</summary>
public static class PrivacyKitAspNetCoreBuilderExtensions
{
    /// <summary>
    /// Adds the ASP.NET Core adapter: the actor from the signed-in user, <c>privacykit:*</c> authorization policies behind
    /// <c>RequirePermission</c> / <c>RequireConsent</c> / <c>RequireStepUp</c>, 403 ProblemDetails for their denials,
    /// the export rate limiter policy, audit events enriched with hashed client address and user agent, and the transport
    /// posture check. Call it after <c>AddPrivacyKit()</c>; calling it again only adds configuration.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="configure">Configures the adapter's options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// It replaces <see cref="IAuthorizationPolicyProvider"/> (the default provider still answers every other policy) and
    /// <see cref="IAuthorizationMiddlewareResultHandler"/> (other failures are handled as before) and decorates
    /// <see cref="IAuditTrail"/>.
    /// </remarks>
    public static IPrivacyKitBuilder AddAspNetCore(this IPrivacyKitBuilder builder, Action<PrivacyKitAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PrivacyKitAspNetCoreOptions>().ValidateOnStart();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(AspNetCoreMarker)))
        {
            return builder;
        }

        services.AddSingleton<AspNetCoreMarker>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrivacyKitAspNetCoreOptions>, PrivacyKitAspNetCoreOptionsValidator>());
        services.AddHttpContextAccessor();
        services.AddAuthorization();
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, PrivacyAuthorizationPolicyProvider>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, PrivacyAuthorizationResultHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAuthorizationHandler, PermissionAuthorizationHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAuthorizationHandler, ConsentAuthorizationHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAuthorizationHandler, StepUpAuthorizationHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IAuthorizationHandler, DataSubjectAuthorizationHandler>());
        services.AddRateLimiter(o => o.AddPolicy<string, ExportRateLimiterPolicy>(ExportRateLimiterPolicy.Name));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, TransportPostureCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ConsentRequirementStartupCheck>());
        DecorateAuditTrail(services);
        return builder;
    }

    private static void DecorateAuditTrail(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IAuditTrail) && !d.IsKeyedService);
        if (inner is null)
        {
            return;
        }

        services.Remove(inner);
        services.AddSingleton<IAuditTrail>(sp => new HttpAuditTrail(
            Resolve(sp, inner),
            sp.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>(),
            sp.GetRequiredService<IAuditValueHasher>()));
    }

    private static IAuditTrail Resolve(IServiceProvider sp, ServiceDescriptor descriptor) =>
        (IAuditTrail)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(sp)
            ?? ActivatorUtilities.GetServiceOrCreateInstance(sp, descriptor.ImplementationType!));

    private sealed class AspNetCoreMarker;
}
