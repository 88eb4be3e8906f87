using Microsoft.AspNetCore.Authorization;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>The user must have signed in with multiple factors.</summary>
internal sealed class StepUpRequirement : IAuthorizationRequirement
{
    public static StepUpRequirement Instance { get; } = new();
}
