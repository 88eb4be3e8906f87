using PrivacyKit.Access;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>
/// Options of PrivacyKit's row-scope query filter: which permission a query over a scoped entity type is decided
/// against. Entity types are scoped when <see cref="IRowScopeResolver"/> has a binding for them
/// (<see cref="AccessControlOptions.MapRowScope{TEntity}"/>).
/// </summary>
public sealed class PrivacyRowScopeOptions
{
    /// <summary>
    /// Gets the access-control resource per entity CLR type, e.g. <c>customers</c> for <c>Customer</c>.
    /// </summary>
    /// <value>Empty by default: a type not listed uses its name in lower case with an <c>s</c> appended (<c>Customer</c> → <c>customers</c>).</value>
    public IDictionary<Type, string> Resources { get; } = new Dictionary<Type, string>();

    /// <summary>Gets or sets the action queries are decided against.</summary>
    /// <value><c>read</c> by default, so a query over <c>Customer</c> asks for <c>customers:read</c>.</value>
    public string ReadAction { get; set; } = "read";

    /// <summary>Sets the access-control resource of an entity type.</summary>
    /// <typeparam name="TEntity">The entity CLR type.</typeparam>
    /// <param name="resource">The resource, e.g. <c>customers</c>.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="resource"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="resource"/> is <see langword="null"/>.</exception>
    public PrivacyRowScopeOptions MapResource<TEntity>(string resource)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resource);
        Resources[typeof(TEntity)] = resource;
        return this;
    }

    internal Permission PermissionFor(Type entityType) =>
        new(Resources.TryGetValue(entityType, out var resource) ? resource : DefaultResource(entityType), ReadAction);

    private static string DefaultResource(Type entityType)
    {
        var name = entityType.Name.ToLowerInvariant();
        return name.EndsWith('s') ? name : name + "s";
    }
}
