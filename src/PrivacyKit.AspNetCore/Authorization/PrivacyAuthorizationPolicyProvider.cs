using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PrivacyKit.Access;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>Builds <c>privacykit:*</c> policies on demand and leaves every other policy to the default provider.</summary>
internal sealed class PrivacyAuthorizationPolicyProvider(IOptions<AuthorizationOptions> options) : IAuthorizationPolicyProvider
{
    private readonly DefaultAuthorizationPolicyProvider _fallback = new(options);
    private readonly ConcurrentDictionary<string, AuthorizationPolicy?> _policies = new(StringComparer.Ordinal);

    public Task<AuthorizationPolicy> GetDefaultPolicyAsync() => _fallback.GetDefaultPolicyAsync();

    public Task<AuthorizationPolicy?> GetFallbackPolicyAsync() => _fallback.GetFallbackPolicyAsync();

    public Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(PrivacyPolicyNames.Prefix, StringComparison.Ordinal))
        {
            return _fallback.GetPolicyAsync(policyName);
        }

        return Task.FromResult(_policies.GetOrAdd(policyName, Build));
    }

    private static AuthorizationPolicy? Build(string name)
    {
        var requirement = Requirement(name);
        return requirement is null ? null : new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(requirement).Build();
    }

    private static IAuthorizationRequirement? Requirement(string name)
    {
        if (name.StartsWith(PrivacyPolicyNames.PermissionPrefix, StringComparison.Ordinal))
        {
            var permission = name[PrivacyPolicyNames.PermissionPrefix.Length..];
            return Permission.TryParse(permission, out _) ? new PermissionRequirement(permission) : null;
        }

        if (name.StartsWith(PrivacyPolicyNames.ConsentPrefix, StringComparison.Ordinal))
        {
            var rest = name[PrivacyPolicyNames.ConsentPrefix.Length..];
            var at = rest.IndexOf('@', StringComparison.Ordinal);
            return at < 0 ? new ConsentRequirement(rest, null) : new ConsentRequirement(rest[..at], rest[(at + 1)..]);
        }

        return name switch
        {
            PrivacyPolicyNames.StepUp => StepUpRequirement.Instance,
            PrivacyPolicyNames.DataSubject => DataSubjectRequirement.Instance,
            _ => null,
        };
    }
}
