using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using PrivacyKit.AspNetCore.Authorization;
using PrivacyKit.AspNetCore.Http;

namespace PrivacyKit.AspNetCore.Internal;

/// <summary>Builds the ProblemDetails bodies of the adapter (RFC 9457), with the correlation id for support.</summary>
internal static class PrivacyProblems
{
    public const string TypeBase = "https://privacykit.dev/problems/";

    public static ProblemDetails Forbidden(HttpContext httpContext, PrivacyFailureReason failure)
    {
        var (type, title, key) = failure.Kind switch
        {
            PrivacyFailureKind.Permission => ("missing-permission", "Missing permission", "permission"),
            PrivacyFailureKind.Consent => ("missing-consent", "Missing consent", "consent"),
            PrivacyFailureKind.StepUp => ("step-up-required", "Multi-factor sign-in required", "stepUp"),
            _ => ("not-a-data-subject", "Not a data subject", "claim"),
        };
        var problem = Create(httpContext, StatusCodes.Status403Forbidden, type, title, failure.Message);
        problem.Extensions[key] = failure.Name;
        problem.Extensions["reason"] = failure.Reason;
        return problem;
    }

    public static ProblemDetails Create(HttpContext httpContext, int status, string type, string title, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Type = TypeBase + type,
            Title = title,
            Detail = detail,
            Instance = httpContext.Request.Path,
        };
        problem.Extensions["correlationId"] = PrivacyRequestState.Get(httpContext).CorrelationId;
        return problem;
    }

    public static Task WriteAsync(HttpContext httpContext, ProblemDetails problem) =>
        TypedResults.Problem(problem).ExecuteAsync(httpContext);
}
