using PrivacyKit.Internal;

namespace PrivacyKit.Access;

/// <summary>
/// The rows an <see cref="AccessDecision"/> reaches: a <see cref="RowScope"/> and the actor's id,
/// teams and tenant it is measured against. The EF Core adapter translates it into a query filter
/// with the entity's <see cref="RowScopeBinding"/>; <see cref="Matches"/> checks one instance.
/// </summary>
/// <remarks>
/// Semantics, for an entity with binding <c>b</c>: <see cref="RowScope.None"/> matches nothing;
/// <see cref="RowScope.Own"/> matches <c>b.Owner == ActorId</c>; <see cref="RowScope.Team"/> matches
/// <c>b.Owner == ActorId || TeamIds.Contains(b.Team)</c> (each term only when its property is bound);
/// <see cref="RowScope.Tenant"/> matches <c>b.Tenant == TenantId</c>, and nothing when the actor has no tenant;
/// <see cref="RowScope.All"/> matches everything.
/// </remarks>
public sealed class RowFilter
{
    internal RowFilter(RowScope scope, string actorId, IReadOnlyList<string> teamIds, string? tenantId)
    {
        Scope = scope;
        ActorId = actorId;
        TeamIds = teamIds;
        TenantId = tenantId;
    }

    /// <summary>Gets the scope.</summary>
    public RowScope Scope { get; }

    /// <summary>Gets the id of the actor the scope is measured against.</summary>
    public string ActorId { get; }

    /// <summary>Gets the ids of the actor's teams (filled for <see cref="RowScope.Team"/> only).</summary>
    public IReadOnlyList<string> TeamIds { get; }

    /// <summary>Gets the actor's tenant, if any.</summary>
    public string? TenantId { get; }

    /// <summary>Determines whether an entity instance lies inside this filter.</summary>
    /// <param name="entity">The entity instance.</param>
    /// <param name="binding">The binding of the entity's type.</param>
    /// <returns><see langword="true"/> when the filter reaches the instance.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entity"/> or <paramref name="binding"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessControlException">The scope needs a property the binding does not name (e.g. an owner property for <see cref="RowScope.Own"/>).</exception>
    public bool Matches(object entity, RowScopeBinding binding)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(binding);
        switch (Scope)
        {
            case RowScope.All:
                return true;
            case RowScope.Own:
                _ = binding.OwnerProperty ?? throw Error.RowScopeNeedsProperty(Scope, binding.EntityType, "an owner");
                return IsActor(binding.GetOwner(entity));
            case RowScope.Team:
                if (binding.OwnerProperty is null && binding.TeamProperty is null)
                {
                    throw Error.RowScopeNeedsProperty(Scope, binding.EntityType, "an owner or team");
                }

                return IsActor(binding.GetOwner(entity)) || (binding.GetTeam(entity) is { } team && TeamIds.Contains(team, StringComparer.Ordinal));
            case RowScope.Tenant:
                _ = binding.TenantProperty ?? throw Error.RowScopeNeedsProperty(Scope, binding.EntityType, "a tenant");
                return TenantId is not null && string.Equals(binding.GetTenant(entity), TenantId, StringComparison.Ordinal);
            default:
                return false;
        }
    }

    private bool IsActor(string? owner) => owner is not null && string.Equals(owner, ActorId, StringComparison.Ordinal);
}
