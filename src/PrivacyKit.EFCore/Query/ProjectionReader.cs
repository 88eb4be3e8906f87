using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace PrivacyKit.EFCore.Query;

/// <summary>
/// Client-side reads of encrypted properties in a query's final projection. The projection passes the entity itself,
/// which EF loads whole and PrivacyKit decrypts (and masks) while materializing it; a getter then reads the plaintext.
/// EF refuses delegate constants in client projections, so getters are registered once per (type, path) and the
/// projection carries their number. Thread-safe.
/// </summary>
internal static class ProjectionReader
{
    public static readonly MethodInfo ReadMethod = typeof(ProjectionReader).GetMethod(nameof(Read), BindingFlags.Public | BindingFlags.Static)!;

    private static readonly ConcurrentDictionary<(Type, string), int> Ids = new();
    private static readonly ConcurrentDictionary<int, Delegate> Getters = new();
    private static int _lastId;

    /// <summary>Registers (once) a getter along <paramref name="path"/> from <paramref name="rootType"/>, returning its number.</summary>
    public static int Register(Type rootType, IReadOnlyList<PropertyInfo> path) =>
        Ids.GetOrAdd((rootType, string.Join(".", path.Select(p => p.Name))), _ =>
        {
            var parameter = Expression.Parameter(rootType, "entity");
            Expression read = parameter;
            foreach (var step in path)
            {
                read = ReferenceEquals(read, parameter) || read.Type.IsValueType
                    ? Expression.Property(read, step)
                    : Expression.Condition(Expression.Equal(read, Expression.Constant(null, read.Type)), Expression.Default(step.PropertyType), Expression.Property(read, step));
            }

            var id = Interlocked.Increment(ref _lastId);
            Getters[id] = Expression.Lambda(read, parameter).Compile();
            return id;
        });

    /// <summary>Reads a value from a loaded entity, or the default when the entity (e.g. an optional navigation) is absent.</summary>
    public static TValue? Read<TEntity, TValue>(TEntity? entity, int getter)
        where TEntity : class =>
        entity is null ? default : ((Func<TEntity, TValue>)Getters[getter])(entity);
}
