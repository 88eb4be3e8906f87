using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Auditing;
using PrivacyKit.EFCore.RowScope;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// The interceptors that <see cref="PrivacyKitDbContextOptionsBuilderExtensions.UsePrivacyKit"/> adds after the
/// encryption interceptors (which EF Core runs first because they live in its internal service provider): change and
/// read auditing, then row scope. Created once per application service provider, so every context of an application
/// shares them and EF Core keeps one internal service provider. Thread-safe.
/// </summary>
internal static class PrivacyKitInterceptors
{
    private static readonly ConditionalWeakTable<IServiceProvider, IInterceptor[]> PerApplication = [];

    public static IInterceptor[] For(IServiceProvider services) =>
        PerApplication.GetValue(services, static sp => IsPrivacyKitRegistered(sp)
            ? [.. AuditingInterceptors.Create(sp), .. RowScopeInterceptors.Create(sp)]
            : []);   // the options extension's validation then says what to call

    private static bool IsPrivacyKitRegistered(IServiceProvider services) =>
        services.GetService(typeof(IServiceProviderIsService)) is not IServiceProviderIsService isService
        || (isService.IsService(typeof(IAuditTrail)) && isService.IsService(typeof(IRowScopeResolver)));
}
