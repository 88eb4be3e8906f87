using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.AspNetCore.Authorization;
using PrivacyKit.AspNetCore.Http;
using PrivacyKit.AspNetCore.Internal;
using PrivacyKit.Context;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore.Endpoints;

internal static class EndpointHelpers
{
    public static PrivacyActor Actor(HttpContext httpContext) =>
        PrivacyRequestState.Get(httpContext).Actor ?? throw new InvalidOperationException("A privacy endpoint ran without an authenticated actor.");

    public static string SubjectId(HttpContext httpContext) =>
        Actor(httpContext).SubjectId ?? throw new InvalidOperationException("A self-service endpoint ran without a data subject.");

    public static ProblemHttpResult Invalid(HttpContext httpContext, string detail) =>
        TypedResults.Problem(PrivacyProblems.Create(httpContext, StatusCodes.Status422UnprocessableEntity, "invalid-input", "Invalid input", detail));

    public static ProblemHttpResult NotFound(HttpContext httpContext, string what) =>
        TypedResults.Problem(PrivacyProblems.Create(httpContext, StatusCodes.Status404NotFound, "not-found", "Not found", $"No such {what}."));

    /// <summary>Checks a requirement that depends on what the endpoint loaded (the request's kind); a denial is the same 403 as the policies'.</summary>
    public static async Task<ProblemHttpResult?> AuthorizeAsync(HttpContext httpContext, IAuthorizationRequirement requirement)
    {
        var authorization = httpContext.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(httpContext.User, null, [requirement]).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return null;
        }

        var failure = result.Failure?.FailureReasons.OfType<PrivacyFailureReason>().FirstOrDefault();
        return failure is null
            ? TypedResults.Problem(PrivacyProblems.Create(httpContext, StatusCodes.Status403Forbidden, "forbidden", "Forbidden", "The operation is not allowed."))
            : TypedResults.Problem(PrivacyProblems.Forbidden(httpContext, failure));
    }

    public static bool TryCorrections(IReadOnlyList<CorrectionBody>? bodies, out List<FieldCorrection> corrections, out string? error)
    {
        corrections = [];
        error = null;
        foreach (var (body, i) in (bodies ?? []).Select((b, i) => (b, i)))
        {
            if (string.IsNullOrWhiteSpace(body?.EntityType) || string.IsNullOrWhiteSpace(body.Field))
            {
                error = $"corrections[{i}] needs 'entityType' and 'field'.";
                return false;
            }

            corrections.Add(new FieldCorrection(body.EntityType, body.Field, body.NewValue));
        }

        return true;
    }

    public static string PermissionToExecute(SubjectRequestKind kind) => kind switch
    {
        SubjectRequestKind.Access or SubjectRequestKind.Portability => PrivacyPermissions.RequestsExport,
        SubjectRequestKind.Erasure => PrivacyPermissions.RequestsErase,
        _ => PrivacyPermissions.RequestsManage,
    };
}
