using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.AspNetCore.Http;
using PrivacyKit.AspNetCore.Internal;
using PrivacyKit.Audit;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>Decides <see cref="StepUpRequirement"/> from the authentication method claim; PrivacyKit does not sign anyone in.</summary>
internal sealed class StepUpAuthorizationHandler(
    IAuditTrail audit,
    IOptions<PrivacyKitAspNetCoreOptions> options,
    ILogger<StepUpAuthorizationHandler> logger) : AuthorizationHandler<StepUpRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StepUpRequirement requirement)
    {
        var o = options.Value;
        var actor = PrivacyRequestState.CreateActor(context.User, o);
        if (actor is null)
        {
            return;
        }

        if (PrivacyRequestState.HasMultiFactor(context.User, o))
        {
            context.Succeed(requirement);
            return;
        }

        var methods = string.Join(", ", o.MultiFactorMethods.Order(StringComparer.Ordinal));
        AspNetCoreLog.RequirementDenied(logger, "step-up", methods, actor.Id, "single-factor-sign-in");
        await DenialAudit.RecordAsync(audit, actor, "step-up.require", "single-factor-sign-in", null, null, CancellationToken.None).ConfigureAwait(false);
        context.Fail(new PrivacyFailureReason(
            this,
            PrivacyFailureKind.StepUp,
            methods,
            "single-factor-sign-in",
            $"This operation exports or erases personal data or changes roles: sign in again with multiple factors (the '{o.AuthenticationMethodClaimType}' claim must contain {methods})."));
    }
}
