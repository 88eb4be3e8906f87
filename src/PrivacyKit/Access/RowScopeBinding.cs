using System.Globalization;
using System.Reflection;
using PrivacyKit.Internal;

namespace PrivacyKit.Access;

/// <summary>
/// Names the properties of an entity type that hold its owner, team and tenant, so that a
/// <see cref="RowFilter"/> can be checked against an instance or translated into a query filter.
/// Property values are compared as invariant-culture strings.
/// </summary>
public sealed class RowScopeBinding
{
    private readonly PropertyInfo? _owner;
    private readonly PropertyInfo? _team;
    private readonly PropertyInfo? _tenant;

    private RowScopeBinding(Type entityType, PropertyInfo? owner, PropertyInfo? team, PropertyInfo? tenant)
    {
        EntityType = entityType;
        _owner = owner;
        _team = team;
        _tenant = tenant;
    }

    /// <summary>Gets the entity type.</summary>
    public Type EntityType { get; }

    /// <summary>Gets the name of the property holding the owning actor's id, if any.</summary>
    public string? OwnerProperty => _owner?.Name;

    /// <summary>Gets the name of the property holding the owning team's id, if any.</summary>
    public string? TeamProperty => _team?.Name;

    /// <summary>Gets the name of the property holding the tenant id, if any.</summary>
    public string? TenantProperty => _tenant?.Name;

    /// <summary>Creates a binding, checking that the named properties exist and can be read.</summary>
    /// <param name="entityType">The entity type.</param>
    /// <param name="ownerProperty">The property holding the owning actor's id, or <see langword="null"/>.</param>
    /// <param name="teamProperty">The property holding the owning team's id, or <see langword="null"/>.</param>
    /// <param name="tenantProperty">The property holding the tenant id, or <see langword="null"/>.</param>
    /// <returns>The binding.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A named property does not exist on <paramref name="entityType"/> or cannot be read.</exception>
    public static RowScopeBinding Create(Type entityType, string? ownerProperty, string? teamProperty = null, string? tenantProperty = null)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        return new RowScopeBinding(
            entityType,
            Find(entityType, ownerProperty, nameof(ownerProperty)),
            Find(entityType, teamProperty, nameof(teamProperty)),
            Find(entityType, tenantProperty, nameof(tenantProperty)));
    }

    internal string? GetOwner(object entity) => Read(_owner, entity);

    internal string? GetTeam(object entity) => Read(_team, entity);

    internal string? GetTenant(object entity) => Read(_tenant, entity);

    private static string? Read(PropertyInfo? property, object entity) =>
        property is null ? null : Convert.ToString(property.GetValue(entity), CultureInfo.InvariantCulture);

    private static PropertyInfo? Find(Type entityType, string? name, string parameter)
    {
        if (name is null)
        {
            return null;
        }

        var property = entityType.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
        return property is { CanRead: true } && property.GetIndexParameters().Length == 0
            ? property
            : throw Error.RowScopePropertyNotFound(entityType, name, parameter);
    }
}
