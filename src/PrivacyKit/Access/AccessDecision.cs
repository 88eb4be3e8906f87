using PrivacyKit.Internal;

namespace PrivacyKit.Access;

/// <summary>
/// The outcome of evaluating an actor's request for a permission: allowed or denied, why, and the
/// obligations an allowed decision carries (which rows it reaches, how fields are shown). Decisions
/// are immutable and safe to cache and share.
/// </summary>
public sealed class AccessDecision
{
    internal AccessDecision(
        string actorId,
        Permission permission,
        AccessDecisionReason reason,
        string detail,
        IReadOnlyList<string> heldRoles,
        IReadOnlyList<string> grantingRoles,
        RowFilter rows,
        FieldObligations fields,
        long policyVersion)
    {
        ActorId = actorId;
        Permission = permission;
        Reason = reason;
        Detail = detail;
        HeldRoles = heldRoles;
        GrantingRoles = grantingRoles;
        Rows = rows;
        Fields = fields;
        PolicyVersion = policyVersion;
    }

    /// <summary>Gets a value indicating whether the permission is granted.</summary>
    public bool IsAllowed => Reason == AccessDecisionReason.Granted;

    /// <summary>Gets the id of the actor the decision is for.</summary>
    public string ActorId { get; }

    /// <summary>Gets the permission asked for.</summary>
    public Permission Permission { get; }

    /// <summary>Gets why the decision came out as it did.</summary>
    public AccessDecisionReason Reason { get; }

    /// <summary>Gets a short explanation naming roles, the permission and the scope; never a personal value.</summary>
    public string Detail { get; }

    /// <summary>Gets the roles the actor held when the decision was made (active assignments and, when trusted, claimed roles).</summary>
    public IReadOnlyList<string> HeldRoles { get; }

    /// <summary>Gets the held roles that grant the permission; empty when denied.</summary>
    public IReadOnlyList<string> GrantingRoles { get; }

    /// <summary>Gets the rows the decision reaches; <see cref="RowScope.None"/> when denied.</summary>
    public RowFilter Rows { get; }

    /// <summary>Gets how fields are shown; everything classified is hidden when denied.</summary>
    public FieldObligations Fields { get; }

    /// <summary>Gets the version of the role definitions the decision was made with.</summary>
    public long PolicyVersion { get; }

    /// <summary>Throws when the decision denies.</summary>
    /// <exception cref="AccessDeniedException">The decision denies; the exception carries the permission and reason.</exception>
    public void ThrowIfDenied()
    {
        if (!IsAllowed)
        {
            throw Error.AccessDenied(this);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{(IsAllowed ? "Allowed" : "Denied")} {Permission}: {Detail}";
}
