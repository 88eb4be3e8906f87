using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PrivacyKit.EFCore.Encryption;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.BlindIndexes;

/// <summary>Equality search on encrypted properties through their blind index.</summary>
public static class BlindIndexQueryableExtensions
{
    /// <summary>
    /// Filters to the entities whose <paramref name="property"/> equals <paramref name="value"/>, comparing blind indexes
    /// in the database (the property must be <c>[Encrypted, BlindIndex]</c>). The value is normalised as the index is
    /// (e.g. case-folded for <c>Normaliser = "email"</c>), and only its keyed hash is sent to the database. A blind index is
    /// truncated, so rare false matches are possible: compare the loaded plaintext when exactness matters.
    /// </summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <typeparam name="TValue">The property type.</typeparam>
    /// <param name="source">A query of a DbContext configured with UsePrivacyKit.</param>
    /// <param name="property">The property, e.g. <c>c => c.Email</c>.</param>
    /// <param name="value">The value to find; <see langword="null"/> finds rows whose index is empty.</param>
    /// <returns>The filtered query.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> or <paramref name="property"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="property"/> is not a property access, the property has no blind index, or <paramref name="source"/>
    /// is not a query of a DbContext configured with UsePrivacyKit.
    /// </exception>
    public static IQueryable<TEntity> WhereEquals<TEntity, TValue>(this IQueryable<TEntity> source, Expression<Func<TEntity, TValue>> property, TValue value)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(property);
        if (property.Body is not MemberExpression { Member: var member, Expression: ParameterExpression })
        {
            throw Error.NotAPropertyAccess(nameof(property));
        }

        var context = source.Provider is PrivacyKitQueryProvider provider ? provider.Context
            : source is IInfrastructure<IServiceProvider> set ? set.GetService<ICurrentDbContext>().Context
            : throw Error.NotAPrivacyKitQuery(nameof(source));
        var runtime = PrivacyKitRuntime.For(context) ?? throw Error.NotAPrivacyKitQuery(nameof(source));
        var entityType = context.Model.FindEntityType(typeof(TEntity)) ?? throw Error.NotAPrivacyKitQuery(nameof(source));
        var plan = ProtectedEntity.For(entityType);
        var protectedProperty = plan.Properties.FirstOrDefault(p => p.Name == member.Name);
        if (protectedProperty?.BlindIndex is not { } index)
        {
            throw Error.NoBlindIndex(plan.Name, member.Name, nameof(property));
        }

        var normalizer = runtime.Settings.FindNormalizer(protectedProperty.BlindIndexNormaliser);
        var input = PropertyCodec.IndexInput(value);
        var column = Expression.Call(typeof(EF), nameof(EF.Property), [index.ClrType], property.Parameters[0], Expression.Constant(index.Name));
        Expression probe = index.ClrType == typeof(byte[])
            ? Argument(runtime.BlindIndexer.Compute(protectedProperty.BlindIndexKey!, input, normalizer))
            : Argument(runtime.BlindIndexer.ComputeText(protectedProperty.BlindIndexKey!, input, normalizer));
        return source.Where(Expression.Lambda<Func<TEntity, bool>>(Expression.Equal(column, probe), property.Parameters[0]));
    }

    // A member of a closure object, as the C# compiler would make: EF turns it into a query parameter (one cached plan).
    private static MemberExpression Argument<T>(T value) =>
        Expression.Property(Expression.Constant(new IndexArgument<T>(value)), nameof(IndexArgument<T>.Value));

    private sealed class IndexArgument<T>(T value)
    {
        public T Value { get; } = value;
    }
}
