using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Auditing;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>Explicit, audited bypass of PrivacyKit's row-scope query filter.</summary>
public static class PrivacyScopeQueryableExtensions
{
    /// <summary>
    /// Queries every row of <typeparamref name="TEntity"/>, whatever the current actor's row scope, and records a
    /// <see cref="AuditEventKind.ProtectionBypassed"/> audit event (actor, purpose, entity and the reason) before the
    /// query is returned. The application's own query filters still apply.
    /// </summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="source">The entity set.</param>
    /// <param name="reason">Why the bypass is needed, in words an auditor understands (no personal values).</param>
    /// <returns>The unscoped query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="reason"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is empty.</exception>
    /// <exception cref="AuditException">The bypass could not be audited; the query is not returned.</exception>
    public static IQueryable<TEntity> IgnorePrivacyScope<TEntity>(this DbSet<TEntity> source, string reason)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var context = source.GetService<ICurrentDbContext>().Context;
        var runtime = RowScopeParameters.Runtime(context);
        var entity = context.Model.FindEntityType(typeof(TEntity)) is { } type && PrivacyEntityMetadata.For(type) is { } metadata
            ? metadata.Name
            : typeof(TEntity).Name;
        var pending = runtime.Trail.RecordAsync(new AuditEvent
        {
            Kind = AuditEventKind.ProtectionBypassed,
            Action = runtime.PermissionFor(typeof(TEntity)).Resource + ":ignore-row-scope",
            ResourceType = entity,
            Reason = reason,
            Delivery = AuditDelivery.Guaranteed,
        });
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }

        EFAuditLog.RowScopeBypassed(runtime.Logger, runtime.Accessor.Current?.Actor.Id, entity);
        return source.IgnoreQueryFilters([RowScopeModel.FilterName]);
    }
}
