using Microsoft.AspNetCore.Authorization;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>A denial the 403 response names: which permission, consent or step-up is missing, and why (no personal values).</summary>
internal sealed class PrivacyFailureReason(IAuthorizationHandler handler, PrivacyFailureKind kind, string name, string reason, string message)
    : AuthorizationFailureReason(handler, message)
{
    public PrivacyFailureKind Kind { get; } = kind;

    public string Name { get; } = name;

    public string Reason { get; } = reason;
}
