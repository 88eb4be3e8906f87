using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>The row-scope interceptors: the application's runtime and the process-wide query check.</summary>
internal static class RowScopeInterceptors
{
    public static IEnumerable<IInterceptor> Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        yield return ActivatorUtilities.CreateInstance<RowScopeRuntime>(services);
        yield return RowScopeQueryInterceptor.Instance;
    }
}
