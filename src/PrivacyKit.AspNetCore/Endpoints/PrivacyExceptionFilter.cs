using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PrivacyKit.Access;
using PrivacyKit.AspNetCore.Http;
using PrivacyKit.AspNetCore.Internal;
using PrivacyKit.Audit;
using PrivacyKit.Consent;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore.Endpoints;

/// <summary>Turns the core's documented exceptions into ProblemDetails: 404 unknown, 409 invalid transition, 422 bad input.</summary>
internal sealed class PrivacyExceptionFilter(ILogger<PrivacyExceptionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            var httpContext = context.HttpContext;
            var correlationId = PrivacyRequestState.Get(httpContext).CorrelationId;
            var exceptionType = ex.GetType().Name;
            if (mapped.Status >= StatusCodes.Status500InternalServerError)
            {
                AspNetCoreLog.EndpointFailed(logger, exceptionType, correlationId, mapped.Status);
            }
            else
            {
                AspNetCoreLog.EndpointRefused(logger, exceptionType, correlationId, mapped.Status);
            }

            return TypedResults.Problem(PrivacyProblems.Create(httpContext, mapped.Status, mapped.Type, mapped.Title, mapped.Detail(ex)));
        }
    }

    private static Mapping? Map(Exception ex) => ex switch
    {
        SubjectRequestNotFoundException => new(StatusCodes.Status404NotFound, "request-not-found", "Request not found", _ => "No such data subject request."),
        InvalidRequestTransitionException => new(StatusCodes.Status409Conflict, "invalid-transition", "Invalid request transition", e => e.Message),
        SubjectRequestConflictException => new(StatusCodes.Status409Conflict, "request-conflict", "Request changed concurrently", e => e.Message),
        SeparationOfDutiesException => new(StatusCodes.Status409Conflict, "separation-of-duties", "Conflicting roles", e => e.Message),
        ConsentException { PurposeId: not null } => new(StatusCodes.Status404NotFound, "purpose-not-found", "Unknown purpose", e => e.Message),
        AccessControlException or ArgumentException => new(StatusCodes.Status422UnprocessableEntity, "invalid-input", "Invalid input", e => e.Message),
        SubjectRequestExecutionException => new(StatusCodes.Status503ServiceUnavailable, "source-failed", "A personal data source failed",
            e => $"The personal data source '{((SubjectRequestExecutionException)e).SourceName}' failed; the request stays open and resumes from that source when executed again."),
        AuditException => new(StatusCodes.Status503ServiceUnavailable, "audit-unavailable", "Audit trail unavailable",
            _ => "The operation could not be audited and was not confirmed; retry later."),
        _ => null,
    };

    private sealed record Mapping(int Status, string Type, string Title, Func<Exception, string> Detail);
}
