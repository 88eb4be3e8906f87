using Microsoft.AspNetCore.Authorization;
using PrivacyKit.AspNetCore.Authorization;

namespace PrivacyKit.AspNetCore;

/// <summary>
/// Requires a multi-factor sign-in (the authentication method claim contains one of
/// <see cref="PrivacyKitAspNetCoreOptions.MultiFactorMethods"/>). Put it on operations that export or erase personal data
/// or change roles. A denial is a 403 ProblemDetails that says a stronger sign-in is needed.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class RequireStepUpAttribute : AuthorizeAttribute
{
    /// <summary>Initializes a new instance of the <see cref="RequireStepUpAttribute"/> class.</summary>
    public RequireStepUpAttribute()
        : base(PrivacyPolicyNames.StepUp)
    {
    }
}
