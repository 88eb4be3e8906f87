using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Access;
using PrivacyKit.AspNetCore.Http;
using PrivacyKit.AspNetCore.Internal;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>Decides <see cref="PermissionRequirement"/> with the core's evaluator (which audits every denial).</summary>
internal sealed class PermissionAuthorizationHandler(
    IAccessEvaluator evaluator,
    IOptions<PrivacyKitAspNetCoreOptions> options,
    ILogger<PermissionAuthorizationHandler> logger) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var actor = PrivacyRequestState.CreateActor(context.User, options.Value);
        if (actor is null)
        {
            return; // not authenticated: the policy's authenticated-user requirement answers 401
        }

        var decision = IsRequest(context.Resource, out var entity)
            ? await evaluator.EvaluateAsync(actor, requirement.Permission).ConfigureAwait(false)
            : await evaluator.EvaluateInstanceAsync(actor, requirement.Permission, entity).ConfigureAwait(false);
        if (decision.IsAllowed)
        {
            context.Succeed(requirement);
            return;
        }

        var permission = requirement.Permission.ToString();
        var reason = decision.Reason == AccessDecisionReason.OutOfScope ? "out-of-scope" : "not-granted";
        AspNetCoreLog.RequirementDenied(logger, "permission", permission, actor.Id, reason);
        context.Fail(new PrivacyFailureReason(
            this,
            PrivacyFailureKind.Permission,
            permission,
            reason,
            decision.Reason == AccessDecisionReason.OutOfScope
                ? $"The permission '{permission}' does not reach this resource: it lies outside your row scope."
                : $"This operation needs the permission '{permission}', which none of your roles grants."));
    }

    // Endpoint routing passes the HttpContext, MVC's authorization filter its filter context: neither is an entity
    // to check against the row scope; anything else is (resource-based authorization).
    private static bool IsRequest(object? resource, [NotNullWhen(false)] out object? entity)
    {
        entity = resource;
        return resource is null or HttpContext or Endpoint or Microsoft.AspNetCore.Mvc.Filters.AuthorizationFilterContext;
    }
}
