using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using PrivacyKit.Access;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>
/// Builds the named query filter <see cref="FilterName"/> that <see cref="RowScopeConvention"/> puts on every entity
/// type that has a row-scope binding:
/// <c>all || (own-or-team &amp;&amp; e.Owner == actor) || (team &amp;&amp; teams.Contains(e.Team)) || (tenant &amp;&amp; e.Tenant == tenantId)</c>,
/// each value a per-execution parameter from <see cref="RowScopeParameters"/>. Named, so it combines with the
/// application's own filters and can be bypassed alone.
/// </summary>
internal static class RowScopeModel
{
    public const string FilterName = "PrivacyKit:RowScope";

    internal static LambdaExpression Build(Type clrType, RowScopeBinding binding)
    {
        // A typed null DbContext constant: EF Core replaces it with the executing context and computes every call
        // that uses it as a parameter per execution.
        var context = Expression.Constant(null, typeof(DbContext));
        var type = Expression.Constant(clrType, typeof(Type));
        var e = Expression.Parameter(clrType, "e");
        Expression Call(string name, Type? generic = null)
        {
            var method = typeof(RowScopeParameters).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!;
            return Expression.Call(generic is null ? method : method.MakeGenericMethod(generic), context, type);
        }

        Expression body = Call(nameof(RowScopeParameters.ReachesAll));
        if (binding.OwnerProperty is { } owner)
        {
            var property = Expression.Property(e, owner);
            body = Expression.OrElse(body, Expression.AndAlso(
                Call(nameof(RowScopeParameters.ReachesOwn)),
                Expression.Equal(property, Call(nameof(RowScopeParameters.Actor), property.Type))));
        }

        if (binding.TeamProperty is { } team)
        {
            var property = Expression.Property(e, team);
            var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
                .MakeGenericMethod(property.Type);
            body = Expression.OrElse(body, Expression.AndAlso(
                Call(nameof(RowScopeParameters.ReachesTeam)),
                Expression.Call(contains, Call(nameof(RowScopeParameters.Teams), property.Type), property)));
        }

        if (binding.TenantProperty is { } tenant)
        {
            var property = Expression.Property(e, tenant);
            body = Expression.OrElse(body, Expression.AndAlso(
                Call(nameof(RowScopeParameters.ReachesTenant)),
                Expression.Equal(property, Call(nameof(RowScopeParameters.Tenant), property.Type))));
        }

        return Expression.Lambda(body, e);
    }
}
