using System.Collections.Frozen;

namespace PrivacyKit.Access;

/// <summary>A role with everything it inherits folded in; part of an immutable <see cref="AccessPolicy"/>.</summary>
internal sealed class EffectiveRole(
    string name,
    FrozenSet<string> closure,
    FrozenSet<Permission> permissions,
    FrozenDictionary<string, RowScope> scopes,
    FieldRules[] fieldRules)
{
    /// <summary>Gets the role's name as defined.</summary>
    public string Name { get; } = name;

    /// <summary>Gets the role and every role it inherits, transitively.</summary>
    public FrozenSet<string> Closure { get; } = closure;

    /// <summary>Gets the permissions granted by the role and its ancestors (wildcards included as <c>resource:*</c>).</summary>
    public FrozenSet<Permission> Permissions { get; } = permissions;

    /// <summary>Gets the widest scope per resource declared by the role or an ancestor.</summary>
    public FrozenDictionary<string, RowScope> Scopes { get; } = scopes;

    /// <summary>Gets the field rules of the role and each ancestor (the most open one wins per property).</summary>
    public FieldRules[] FieldRules { get; } = fieldRules;

    public bool Grants(Permission permission) =>
        Permissions.Contains(permission) || Permissions.Contains(new Permission(permission.Resource, Permission.AnyAction));

    public RowScope ScopeFor(string resource) => Scopes.TryGetValue(resource, out var scope) ? scope : RowScope.All;
}
