using Microsoft.Extensions.Compliance.Classification;

namespace PrivacyKit.Access;

/// <summary>
/// One role of <see cref="AccessControlOptions.Roles"/>: the permissions it grants, the roles it
/// inherits, its row scope per resource and its field access per classification. Configure it in code
/// or bind it from the <c>PrivacyKit:Access:Roles:{name}</c> configuration section.
/// </summary>
/// <remarks>
/// A role inherits everything its parents grant, transitively: their permissions, and for each
/// resource and classification the widest scope and most open field access of the role and its parents.
/// </remarks>
public sealed class RoleDefinition
{
    /// <summary>Gets or sets a short description shown in access reviews.</summary>
    /// <value>Defaults to <see langword="null"/>.</value>
    public string? Description { get; set; }

    /// <summary>Gets the names of the roles this role inherits from.</summary>
    /// <value>Empty by default.</value>
    public IList<string> Inherits { get; } = [];

    /// <summary>Gets the permissions the role grants, as <c>resource:action</c> (or <c>resource:*</c>).</summary>
    /// <value>Empty by default: the role grants nothing.</value>
    public IList<string> Permissions { get; } = [];

    /// <summary>
    /// Gets the row scope per resource (e.g. <c>customers</c> → <see cref="RowScope.Own"/>). A resource
    /// the role has permissions on but no scope for is not row-scoped: the scope is <see cref="RowScope.All"/>.
    /// </summary>
    /// <value>Empty by default.</value>
    public IDictionary<string, RowScope> Scopes { get; } = new Dictionary<string, RowScope>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the field access per classification name of <see cref="Classification.PrivacyClassifications"/>
    /// (e.g. <c>Contact</c> → <see cref="FieldAccess.Clear"/>); the key <c>*</c> sets the access for every
    /// classification not listed. Classified fields the role says nothing about are <see cref="FieldAccess.Hidden"/>.
    /// </summary>
    /// <value>Empty by default.</value>
    public IDictionary<string, FieldAccess> Fields { get; } = new Dictionary<string, FieldAccess>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the field access for single properties, keyed <c>resource.Property</c> (e.g. <c>customers.Email</c>);
    /// it takes precedence over <see cref="Fields"/> for that property within this role.
    /// </summary>
    /// <value>Empty by default.</value>
    public IDictionary<string, FieldAccess> Properties { get; } = new Dictionary<string, FieldAccess>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds roles this role inherits from.</summary>
    /// <param name="roles">The parent role names.</param>
    /// <returns>This definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> is <see langword="null"/>.</exception>
    public RoleDefinition InheritFrom(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in roles)
        {
            Inherits.Add(role);
        }

        return this;
    }

    /// <summary>Grants permissions, optionally with the row scope of their resources.</summary>
    /// <param name="scope">The row scope to set for the resources of <paramref name="permissions"/>, or <see langword="null"/> to leave it.</param>
    /// <param name="permissions">The permissions, as <c>resource:action</c>.</param>
    /// <returns>This definition.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="permissions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An entry of <paramref name="permissions"/> is not of the form <c>resource:action</c>.</exception>
    public RoleDefinition Allow(RowScope? scope, params string[] permissions)
    {
        ArgumentNullException.ThrowIfNull(permissions);
        foreach (var text in permissions)
        {
            var permission = Permission.Parse(text);
            Permissions.Add(permission.ToString());
            if (scope is { } s)
            {
                Scopes[permission.Resource] = s;
            }
        }

        return this;
    }

    /// <summary>Sets the field access for a classification.</summary>
    /// <param name="classification">A classification of <see cref="Classification.PrivacyClassifications"/>.</param>
    /// <param name="access">The access.</param>
    /// <returns>This definition.</returns>
    public RoleDefinition WithFieldAccess(DataClassification classification, FieldAccess access)
    {
        Fields[classification.Value] = access;
        return this;
    }

    /// <summary>Sets the field access for every classification this role does not list.</summary>
    /// <param name="access">The access.</param>
    /// <returns>This definition.</returns>
    public RoleDefinition WithDefaultFieldAccess(FieldAccess access)
    {
        Fields[AccessPolicy.AnyClassification] = access;
        return this;
    }

    /// <summary>Sets the field access for one property of a resource, overriding its classification's access in this role.</summary>
    /// <param name="resource">The resource, e.g. <c>customers</c>.</param>
    /// <param name="property">The property name, e.g. <c>Email</c>.</param>
    /// <param name="access">The access.</param>
    /// <returns>This definition.</returns>
    /// <exception cref="ArgumentException"><paramref name="resource"/> or <paramref name="property"/> is null or empty.</exception>
    public RoleDefinition WithPropertyAccess(string resource, string property, FieldAccess access)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        ArgumentException.ThrowIfNullOrEmpty(property);
        Properties[string.Concat(resource, ".", property)] = access;
        return this;
    }
}
