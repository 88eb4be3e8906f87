using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>The row-scope interceptor, created from the application's service provider.</summary>
internal static class RowScopeInterceptors
{
    public static IEnumerable<IInterceptor> Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        yield return new RowScopeQueryInterceptor(ActivatorUtilities.CreateInstance<RowScopeRuntime>(services));
    }
}
