using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PrivacyKit.AspNetCore.Http;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>Decides <see cref="DataSubjectRequirement"/>: self-service endpoints are for users linked to a data subject.</summary>
internal sealed class DataSubjectAuthorizationHandler(IOptions<PrivacyKitAspNetCoreOptions> options) : AuthorizationHandler<DataSubjectRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DataSubjectRequirement requirement)
    {
        var o = options.Value;
        var actor = PrivacyRequestState.CreateActor(context.User, o);
        if (actor is null)
        {
            return Task.CompletedTask;
        }

        if (actor.SubjectId is not null)
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new PrivacyFailureReason(
                this,
                PrivacyFailureKind.DataSubject,
                o.SubjectIdClaimType,
                "not-a-data-subject",
                $"These endpoints serve data subjects: the signed-in user carries no '{o.SubjectIdClaimType}' claim."));
        }

        return Task.CompletedTask;
    }
}
