namespace PrivacyKit.Access;

/// <summary>
/// Which rows of a resource a permission reaches. Wider scopes include the narrower ones: team
/// includes the actor's own rows, and when an actor holds several roles the widest scope wins.
/// </summary>
public enum RowScope
{
    /// <summary>No rows: the decision denies.</summary>
    None = 0,

    /// <summary>Rows the actor owns (the owner property holds the actor's id).</summary>
    Own = 1,

    /// <summary>Rows the actor owns and rows of the actor's teams (the team property holds one of the actor's team ids).</summary>
    Team = 2,

    /// <summary>Rows of the actor's tenant (the tenant property holds the actor's tenant id); none when the actor has no tenant.</summary>
    Tenant = 3,

    /// <summary>Every row.</summary>
    All = 4,
}
