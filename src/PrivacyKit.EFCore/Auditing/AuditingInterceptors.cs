using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>The interceptors of change and read auditing, created from the application's service provider.</summary>
internal static class AuditingInterceptors
{
    public static IEnumerable<IInterceptor> Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        yield return ActivatorUtilities.CreateInstance<ChangeAuditInterceptor>(services);
        yield return ActivatorUtilities.CreateInstance<ReadAuditInterceptor>(services);
    }
}
