using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using PrivacyKit.AspNetCore.Internal;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>Answers PrivacyKit's denials with a 403 ProblemDetails naming what is missing; everything else as the framework does.</summary>
internal sealed class PrivacyAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden &&
            authorizeResult.AuthorizationFailure?.FailureReasons.OfType<PrivacyFailureReason>().FirstOrDefault() is { } failure)
        {
            return PrivacyProblems.WriteAsync(context, PrivacyProblems.Forbidden(context, failure));
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
