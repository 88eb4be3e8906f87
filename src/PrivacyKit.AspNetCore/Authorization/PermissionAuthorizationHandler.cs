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

        var decision = context.Resource is null or HttpContext
            ? await evaluator.EvaluateAsync(actor, requirement.Permission).ConfigureAwait(false)
            : await evaluator.EvaluateInstanceAsync(actor, requirement.Permission, context.Resource).ConfigureAwait(false);
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
}
