using PrivacyKit.Context;

namespace PrivacyKit.Access;

/// <summary>
/// Options of access control: the role definitions, conflicting roles and caching. Bind them from the
/// <c>PrivacyKit:Access</c> configuration section or set them in code; they are validated at start-up
/// and on every reload, with messages that name the bad key.
/// </summary>
public sealed class AccessControlOptions
{
    /// <summary>The configuration section the options are usually bound from.</summary>
    public const string SectionName = "PrivacyKit:Access";

    /// <summary>Gets the roles by name (letters, digits, '-', '_' or '.'; compared without regard to case).</summary>
    /// <value>Empty by default: nothing is granted to anyone.</value>
    public IDictionary<string, RoleDefinition> Roles { get; } = new Dictionary<string, RoleDefinition>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets sets of roles that one actor may not hold together (separation of duties). A role also
    /// conflicts through inheritance: holding a role that inherits a listed role counts as holding it.
    /// </summary>
    /// <value>Empty by default.</value>
    public IList<IList<string>> ConflictingRoles { get; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether the roles an actor claims (<see cref="PrivacyActor.Roles"/>,
    /// e.g. from a sign-in token) count as held. When <see langword="false"/>, only role assignments in
    /// the <see cref="IRoleStore"/> count; they carry who granted them, expiry and last use.
    /// </summary>
    /// <value>Defaults to <see langword="false"/>: assignments are the source of truth.</value>
    public bool TrustClaimedRoles { get; set; }

    /// <summary>
    /// Gets or sets how long a decision is reused for the same actor and permission. Role reloads,
    /// grants and revocations on this instance invalidate cached decisions at once; the lifetime bounds
    /// how long changes made by other instances (or team changes) take to be seen. Zero disables caching.
    /// </summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan DecisionCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the number of cached decisions after which the cache is emptied.</summary>
    /// <value>Defaults to 100 000.</value>
    public int DecisionCacheSize { get; set; } = 100_000;

    /// <summary>Gets or sets after how long without use an assignment is flagged unused in the access review.</summary>
    /// <value>Defaults to 90 days.</value>
    public TimeSpan UnusedAfter { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Gets or sets the function that returns the ids of the teams an actor belongs to, for
    /// <see cref="RowScope.Team"/>. Used by the default <see cref="IRowScopeResolver"/>.
    /// </summary>
    /// <value>Defaults to <see langword="null"/>: actors belong to no team, so team scope reaches only their own rows.</value>
    public Func<PrivacyActor, IReadOnlyList<string>>? TeamResolver { get; set; }

    internal Dictionary<Type, RowScopeBinding> RowScopeBindings { get; } = [];

    internal string ConfigurationPath { get; set; } = SectionName;

    internal List<string> ConfigurationErrors { get; } = [];

    /// <summary>Adds a role, or returns the existing definition of that name to change it.</summary>
    /// <param name="name">The role name.</param>
    /// <returns>The role definition.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    public RoleDefinition AddRole(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!Roles.TryGetValue(name, out var role))
        {
            role = new RoleDefinition();
            Roles[name] = role;
        }

        return role;
    }

    /// <summary>Declares roles that one actor may not hold together.</summary>
    /// <param name="roles">Two or more role names.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roles"/> is <see langword="null"/>.</exception>
    public AccessControlOptions AddConflictingRoles(params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ConflictingRoles.Add([.. roles]);
        return this;
    }

    /// <summary>
    /// Says which properties of <typeparamref name="TEntity"/> hold its owner, team and tenant, for row
    /// scope checks on instances and for query filters built by the EF Core adapter.
    /// </summary>
    /// <typeparam name="TEntity">The entity type.</typeparam>
    /// <param name="ownerProperty">The property holding the owning actor's id, or <see langword="null"/>.</param>
    /// <param name="teamProperty">The property holding the owning team's id, or <see langword="null"/>.</param>
    /// <param name="tenantProperty">The property holding the tenant id, or <see langword="null"/>.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">A named property does not exist on <typeparamref name="TEntity"/> or cannot be read.</exception>
    public AccessControlOptions MapRowScope<TEntity>(string? ownerProperty, string? teamProperty = null, string? tenantProperty = null)
    {
        var binding = RowScopeBinding.Create(typeof(TEntity), ownerProperty, teamProperty, tenantProperty);
        RowScopeBindings[typeof(TEntity)] = binding;
        return this;
    }
}
