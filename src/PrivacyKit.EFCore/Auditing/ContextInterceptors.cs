using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>
/// Finds an application's interceptor instance among those a DbContext was configured with, cached per context.
/// EF Core keys its internal service provider (and query cache) on singleton interceptors (materialisation, query
/// expression); PrivacyKit keeps those process-wide and stateless, and lets them reach the application's services
/// through an ordinary interceptor of the same context, so many applications or tests share one EF provider.
/// </summary>
/// <typeparam name="T">The interceptor type.</typeparam>
internal static class ContextInterceptors<T>
    where T : class, IInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, StrongBox<T?>> Found = [];

    public static T? Find(DbContext context) =>
        Found.GetValue(context, static c => new StrongBox<T?>(
            c.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<T>().FirstOrDefault())).Value;
}
