using Microsoft.AspNetCore.Authorization;
using PrivacyKit.AspNetCore.Authorization;

namespace PrivacyKit.AspNetCore;

/// <summary>
/// Requires an authenticated actor whom PrivacyKit's access control grants the permission (controllers and minimal APIs).
/// A denial is a 403 ProblemDetails naming the permission, audited as <c>AccessDenied</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    /// <summary>Initializes a new instance of the <see cref="RequirePermissionAttribute"/> class.</summary>
    /// <param name="permission">The permission, <c>resource:action</c> (e.g. <c>customers:read</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="permission"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="permission"/> is not <c>resource:action</c>.</exception>
    public RequirePermissionAttribute(string permission)
        : base(PrivacyPolicyNames.ForPermission(permission ?? throw new ArgumentNullException(nameof(permission))))
    {
        Permission = permission;
    }

    /// <summary>Gets the permission.</summary>
    public string Permission { get; }
}
