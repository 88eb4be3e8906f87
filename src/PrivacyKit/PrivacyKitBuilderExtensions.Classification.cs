using System.Reflection;
using Microsoft.Extensions.Compliance.Classification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PrivacyKit.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit;

public static partial class PrivacyKitBuilderExtensions
{
    /// <summary>
    /// Reads annotated entity types into the data map (<see cref="IDataMapProvider"/>). Adding a type
    /// twice is harmless. The map is built, and its annotations checked, on first use.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="entityTypes">The entity types.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="entityTypes"/> is <see langword="null"/>, or holds <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddDataMapEntities(this IPrivacyKitBuilder builder, params Type[] entityTypes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(entityTypes);
        foreach (var type in entityTypes)
        {
            ArgumentNullException.ThrowIfNull(type, nameof(entityTypes));
        }

        builder.Services.Configure<DataMapOptions>(o =>
        {
            foreach (var type in entityTypes.Where(t => !o.EntityTypes.Contains(t)))
            {
                o.EntityTypes.Add(type);
            }
        });
        return builder;
    }

    /// <summary>
    /// Reads every class of an assembly that carries a PrivacyKit classification, subject-id, purpose or
    /// retention attribute (on the class or a property) into the data map.
    /// </summary>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <param name="assembly">The assembly holding the entities.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="assembly"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddDataMapEntitiesFrom(this IPrivacyKitBuilder builder, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(assembly);
        var types = assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false } && IsAnnotated(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToArray();
        return builder.AddDataMapEntities(types);
    }

    /// <summary>Adds a contributor that refines the data map (e.g. a storage adapter's table and column names).</summary>
    /// <typeparam name="TContributor">The contributor type, registered as a singleton once.</typeparam>
    /// <param name="builder">The PrivacyKit builder.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IPrivacyKitBuilder AddDataMapContributor<TContributor>(this IPrivacyKitBuilder builder)
        where TContributor : class, IDataMapContributor
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IDataMapContributor, TContributor>());
        return builder;
    }

    private static bool IsAnnotated(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        return type.IsDefined(typeof(PurposeAttribute), true) || type.IsDefined(typeof(RetentionAttribute), true) ||
               type.GetProperties(all).Cast<MemberInfo>().Concat(type.GetFields(all)).Any(m =>
                   m.IsDefined(typeof(DataClassificationAttribute), true) ||
                   m.IsDefined(typeof(DataSubjectIdAttribute), true));
    }
}
