using Microsoft.AspNetCore.Authorization;
using PrivacyKit.Access;

namespace PrivacyKit.AspNetCore;

/// <summary>
/// An authorization requirement satisfied when PrivacyKit's access control grants the permission to the current actor.
/// With a resource (<c>IAuthorizationService.AuthorizeAsync(user, customer, requirement)</c>) the entity must also lie
/// within the actor's row scope.
/// </summary>
public sealed class PermissionRequirement : IAuthorizationRequirement
{
    /// <summary>Initializes a new instance of the <see cref="PermissionRequirement"/> class.</summary>
    /// <param name="permission">The permission, <c>resource:action</c> (e.g. <c>customers:update</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="permission"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="permission"/> is not <c>resource:action</c>.</exception>
    public PermissionRequirement(string permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        Permission = Permission.Parse(permission);
    }

    /// <summary>Gets the permission.</summary>
    public Permission Permission { get; }

    /// <inheritdoc/>
    public override string ToString() => $"permission {Permission}";
}
