using System.ComponentModel;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Auditing;
using PrivacyKit.Access;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>
/// The values of the row-scope query filter. The filter calls these methods with the executing DbContext, which
/// EF Core turns into query parameters computed at every execution (as it does for a filter that reads a context
/// property), so a cached compiled query never holds an actor's id.
/// </summary>
internal static class RowScopeParameters
{
    public static bool ReachesAll(DbContext context, Type entityType) =>
        Filter(context, entityType)?.Scope == Access.RowScope.All;

    public static bool ReachesOwn(DbContext context, Type entityType) =>
        Filter(context, entityType)?.Scope is Access.RowScope.Own or Access.RowScope.Team;

    public static bool ReachesTeam(DbContext context, Type entityType) =>
        Filter(context, entityType)?.Scope == Access.RowScope.Team;

    public static bool ReachesTenant(DbContext context, Type entityType) =>
        Filter(context, entityType) is { Scope: Access.RowScope.Tenant, TenantId: not null };

    public static T? Actor<T>(DbContext context, Type entityType) => Convert<T>(Filter(context, entityType)?.ActorId);

    public static T? Tenant<T>(DbContext context, Type entityType) => Convert<T>(Filter(context, entityType)?.TenantId);

    public static List<T> Teams<T>(DbContext context, Type entityType) =>
        Filter(context, entityType) is { Scope: Access.RowScope.Team } filter
            ? [.. filter.TeamIds.Select(Convert<T>).Where(t => t is not null).Select(t => t!)]
            : [];

    internal static RowScopeRuntime Runtime(DbContext context) =>
        ContextInterceptors<RowScopeRuntime>.Find(context)
        ?? throw Error.RowScopeRuntimeMissing(context.GetType());

    private static RowFilter? Filter(DbContext context, Type entityType) => Runtime(context).Current(entityType);

    private static T? Convert<T>(string? value)
    {
        if (value is null)
        {
            return default;
        }

        if (typeof(T) == typeof(string))
        {
            return (T)(object)value;
        }

        var converter = TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
        try
        {
            return (T?)converter.ConvertFromInvariantString(value);
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException)
        {
            return default; // an id that cannot be such a value matches no row; the Reaches* term is false anyway
        }
    }
}
