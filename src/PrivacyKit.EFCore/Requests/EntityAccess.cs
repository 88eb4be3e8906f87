using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PrivacyKit.EFCore.Requests;

/// <summary>
/// Typed queries over an entity type known only at run time: rows whose property equals a value, rows whose key (or
/// foreign key) is one of a set of tuples. Built once per CLR type; the queries go through the context, so the
/// context's interceptors (decryption, auditing) apply. Global query filters are ignored: a row hidden from the
/// current actor, restricted or soft-deleted is still the subject's data and must be exported, erased or expired.
/// </summary>
internal abstract class EntityAccess
{
    private static readonly ConcurrentDictionary<Type, EntityAccess> Cache = new();

    public static EntityAccess For(IReadOnlyEntityType entityType) =>
        Cache.GetOrAdd(entityType.ClrType, static t => (EntityAccess)Activator.CreateInstance(typeof(EntityAccess<>).MakeGenericType(t))!);

    /// <summary>Loads one page (ordered by <paramref name="orderBy"/>) of the tracked rows whose <paramref name="property"/> equals <paramref name="value"/>.</summary>
    public abstract Task<List<object>> WhereEqualsAsync(
        DbContext context, IReadOnlyProperty property, object value, IReadOnlyList<IReadOnlyProperty> orderBy, int skip, int take, CancellationToken cancellationToken);

    /// <summary>Loads the tracked rows whose <paramref name="properties"/> take one of the value tuples.</summary>
    public abstract Task<List<object>> WhereInAsync(
        DbContext context, IReadOnlyList<IReadOnlyProperty> properties, IReadOnlyList<object?[]> tuples, CancellationToken cancellationToken);

    /// <summary>Streams the untracked rows matching an optional filter over the given properties.</summary>
    public abstract IAsyncEnumerable<object> StreamAsync(DbContext context, Func<Func<string, Type, Expression>, Expression?> filter);

    /// <summary>An <c>EF.Property&lt;T&gt;(e, name)</c> call.</summary>
    protected static Expression PropertyCall(ParameterExpression entity, string name, Type type) =>
        Expression.Call(typeof(EF), nameof(EF.Property), [type], entity, Expression.Constant(name));

    protected static Expression<Func<TEntity, bool>> InPredicate<TEntity>(IReadOnlyList<IReadOnlyProperty> properties, IReadOnlyList<object?[]> tuples)
    {
        var e = Expression.Parameter(typeof(TEntity), "e");
        Expression body;
        if (properties.Count == 1)
        {
            var type = properties[0].ClrType;
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type))!;
            foreach (var tuple in tuples)
            {
                list.Add(tuple[0]);
            }

            body = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [type], Expression.Constant(list), PropertyCall(e, properties[0].Name, type));
        }
        else
        {
            body = tuples
                .Select(tuple => properties
                    .Select((p, i) => (Expression)Expression.Equal(PropertyCall(e, p.Name, p.ClrType), Expression.Constant(tuple[i], p.ClrType)))
                    .Aggregate(Expression.AndAlso))
                .DefaultIfEmpty(Expression.Constant(false))
                .Aggregate(Expression.OrElse);
        }

        return Expression.Lambda<Func<TEntity, bool>>(body, e);
    }
}

/// <inheritdoc/>
internal sealed class EntityAccess<TEntity> : EntityAccess
    where TEntity : class
{
    public override Task<List<object>> WhereEqualsAsync(
        DbContext context, IReadOnlyProperty property, object value, IReadOnlyList<IReadOnlyProperty> orderBy, int skip, int take, CancellationToken cancellationToken)
    {
        var e = Expression.Parameter(typeof(TEntity), "e");
        var predicate = Expression.Lambda<Func<TEntity, bool>>(
            Expression.Equal(PropertyCall(e, property.Name, property.ClrType), Expression.Constant(value, property.ClrType)), e);
        var query = context.Set<TEntity>().IgnoreQueryFilters().Where(predicate);
        for (var i = 0; i < orderBy.Count; i++)
        {
            var key = Expression.Lambda(PropertyCall(e, orderBy[i].Name, orderBy[i].ClrType), e);
            var method = i == 0 ? nameof(Queryable.OrderBy) : nameof(Queryable.ThenBy);
            query = (IQueryable<TEntity>)query.Provider.CreateQuery<TEntity>(
                Expression.Call(typeof(Queryable), method, [typeof(TEntity), orderBy[i].ClrType], query.Expression, Expression.Quote(key)));
        }

        return ToObjectsAsync(query.Skip(skip).Take(take), cancellationToken);
    }

    public override Task<List<object>> WhereInAsync(
        DbContext context, IReadOnlyList<IReadOnlyProperty> properties, IReadOnlyList<object?[]> tuples, CancellationToken cancellationToken) =>
        tuples.Count == 0
            ? Task.FromResult(new List<object>())
            : ToObjectsAsync(context.Set<TEntity>().IgnoreQueryFilters().Where(InPredicate<TEntity>(properties, tuples)), cancellationToken);

    public override IAsyncEnumerable<object> StreamAsync(DbContext context, Func<Func<string, Type, Expression>, Expression?> filter)
    {
        var e = Expression.Parameter(typeof(TEntity), "e");
        IQueryable<TEntity> query = context.Set<TEntity>().IgnoreQueryFilters().AsNoTracking();
        if (filter((name, type) => PropertyCall(e, name, type)) is { } body)
        {
            query = query.Where(Expression.Lambda<Func<TEntity, bool>>(body, e));
        }

        return query.AsAsyncEnumerable();
    }

    private static async Task<List<object>> ToObjectsAsync(IQueryable<TEntity> query, CancellationToken cancellationToken) =>
        [.. await query.ToListAsync(cancellationToken).ConfigureAwait(false)];
}
