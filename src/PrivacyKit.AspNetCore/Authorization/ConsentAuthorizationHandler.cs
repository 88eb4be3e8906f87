using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using PrivacyKit.AspNetCore.Http;
using PrivacyKit.AspNetCore.Internal;
using PrivacyKit.Audit;
using PrivacyKit.Consent;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>Decides <see cref="ConsentRequirement"/>: the subject's consent, and the request's Global Privacy Control signal.</summary>
internal sealed class ConsentAuthorizationHandler(
    IConsentService consent,
    IAuditTrail audit,
    IHttpContextAccessor httpContextAccessor,
    ILogger<ConsentAuthorizationHandler> logger) : AuthorizationHandler<ConsentRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ConsentRequirement requirement)
    {
        var httpContext = context.Resource as HttpContext ?? httpContextAccessor.HttpContext;
        if (httpContext is null)
        {
            throw AspNetCoreError.NoHttpContext(requirement.PurposeId);
        }

        var state = PrivacyRequestState.Get(httpContext);
        if (state.Actor is null)
        {
            return;
        }

        var purpose = consent.GetPurpose(requirement.PurposeId); // unknown purpose: ConsentException naming it
        await GlobalPrivacyControl.ApplyAsync(state, consent, logger, httpContext.RequestAborted).ConfigureAwait(false);
        var subjectId = requirement.SubjectRouteValue is null
            ? state.Actor.SubjectId
            : httpContext.GetRouteValue(requirement.SubjectRouteValue)?.ToString();
        string reason;
        if (string.IsNullOrEmpty(subjectId))
        {
            reason = "no-data-subject";
        }
        else if (purpose.IsSaleOrSharing && state.GlobalPrivacyControl && subjectId == state.Actor.SubjectId)
        {
            // The signal speaks for the signed-in subject only, never for a customer an employee is working on.
            reason = "global-privacy-control";
        }
        else
        {
            var decision = await consent.CheckAsync(subjectId, purpose.Id, httpContext.RequestAborted).ConfigureAwait(false);
            if (decision.IsAllowed)
            {
                context.Succeed(requirement);
                return;
            }

            reason = ReasonName(decision.Reason);
        }

        AspNetCoreLog.RequirementDenied(logger, "consent", purpose.Id, state.Actor.Id, reason);
        await DenialAudit.RecordAsync(audit, state.Actor, "consent.require", reason, subjectId, purpose.Id, httpContext.RequestAborted).ConfigureAwait(false);
        context.Fail(new PrivacyFailureReason(
            this,
            PrivacyFailureKind.Consent,
            purpose.Id,
            reason,
            reason == "no-data-subject"
                ? $"The purpose '{purpose.Id}' needs a data subject's consent, and the request names no data subject."
                : $"The data subject has not given a valid consent for the purpose '{purpose.Id}' ({reason})."));
    }

    internal static string ReasonName(ConsentDecisionReason reason) => reason switch
    {
        ConsentDecisionReason.NoRecord => "no-consent",
        ConsentDecisionReason.Withdrawn => "withdrawn",
        ConsentDecisionReason.Expired => "expired",
        ConsentDecisionReason.PolicyVersionChanged => "policy-version-changed",
        ConsentDecisionReason.OptedOutOfSaleOrSharing => "opted-out-of-sale-or-sharing",
        _ => "not-granted",
    };
}
