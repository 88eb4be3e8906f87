using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PrivacyKit.Access;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// Keys the model cache on the context type and on the row-scope mappings of the context's entity sets, because the
/// row-scope convention puts query filters into the model from those mappings: two applications in one process with
/// different mappings must not share a model, two with the same mappings do. The signature is computed once per
/// application resolver and context type. Thread-safe.
/// </summary>
internal sealed class PrivacyKitModelCacheKeyFactory : IModelCacheKeyFactory
{
    private static readonly ConditionalWeakTable<IRowScopeResolver, ConcurrentDictionary<Type, string>> Signatures = [];

    public object Create(DbContext context, bool designTime)
    {
        var extension = context.GetService<IDbContextOptions>().FindExtension<PrivacyKitOptionsExtension>();
        if (extension?.ApplicationServices.GetService(typeof(IRowScopeResolver)) is not IRowScopeResolver resolver)
        {
            return (context.GetType(), designTime, string.Empty);
        }

        var signature = Signatures.GetValue(resolver, static _ => new ConcurrentDictionary<Type, string>())
            .GetOrAdd(context.GetType(), static (type, r) => Signature(type, r), resolver);
        return (context.GetType(), designTime, signature);
    }

    private static string Signature(Type contextType, IRowScopeResolver resolver) =>
        string.Join(";", contextType.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Distinct()
            .Select(t => (Type: t, Binding: resolver.GetBinding(t)))
            .Where(x => x.Binding is not null)
            .Select(x => $"{x.Type.FullName}:{x.Binding!.OwnerProperty}/{x.Binding.TeamProperty}/{x.Binding.TenantProperty}")
            .Order(StringComparer.Ordinal));
}
