using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PrivacyKit.AspNetCore.Authorization;
using PrivacyKit.AspNetCore.Http;
using PrivacyKit.Requests;
using static PrivacyKit.AspNetCore.Endpoints.EndpointHelpers;

namespace PrivacyKit.AspNetCore.Endpoints;

/// <summary>Operator endpoints for data subject requests; each needs a permission from <see cref="PrivacyPermissions"/>.</summary>
internal static class OperatorEndpoints
{
    public static void Map(RouteGroupBuilder privacy)
    {
        var requests = privacy.MapGroup("/requests").RequirePermission(PrivacyPermissions.RequestsRead).WithTags("Privacy: operators");

        requests.MapGet("/", ListAsync).WithName("PrivacyListRequests")
            .WithSummary("List data subject requests (openOnly, kind, subjectId, overdue filters).").ProducesProblem(422);
        requests.MapGet("/{requestId}", GetAsync).WithName("PrivacyGetRequest")
            .WithSummary("One request with its history.").ProducesProblem(404);
        requests.MapPost("/", SubmitAsync).WithName("PrivacySubmitRequest")
            .WithSummary("Record a request received by e-mail, phone, post, in person or from an authorised agent.")
            .RequirePermission(PrivacyPermissions.RequestsManage).ProducesProblem(422);
        requests.MapPost("/{requestId}/verify", VerifyAsync).WithName("PrivacyVerifyRequest")
            .WithSummary("Verify the requester's identity (starts verification when needed).")
            .RequirePermission(PrivacyPermissions.RequestsManage).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        requests.MapPost("/{requestId}/extend", ExtendAsync).WithName("PrivacyExtendRequest")
            .WithSummary("Extend the deadline once, with a non-personal reason.")
            .RequirePermission(PrivacyPermissions.RequestsManage).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        requests.MapPost("/{requestId}/complete", CompleteAsync).WithName("PrivacyCompleteRequest")
            .WithSummary("Mark a request completed, with an optional non-personal note.")
            .RequirePermission(PrivacyPermissions.RequestsManage).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        requests.MapPost("/{requestId}/reject", RejectAsync).WithName("PrivacyRejectRequest")
            .WithSummary("Reject a request on a legal ground.")
            .RequirePermission(PrivacyPermissions.RequestsManage).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        requests.MapPost("/{requestId}/execute", ExecuteAsync).WithName("PrivacyExecuteRequest")
            .WithSummary("Run the request across every personal data source: exports need requests:export, erasures requests:erase, others requests:manage. Needs a multi-factor sign-in; rate-limited.")
            .RequireStepUp().RequireRateLimiting(ExportRateLimiterPolicy.Name)
            .Produces<string>(200, "application/json").ProducesProblem(404).ProducesProblem(409).ProducesProblem(429);
    }

    private static async Task<Results<Ok<List<RequestView>>, ProblemHttpResult>> ListAsync(
        HttpContext httpContext, ISubjectRequestReports reports, bool? openOnly, string? kind, string? subjectId, bool? overdue)
    {
        SubjectRequestKind? kindFilter = null;
        if (kind is not null)
        {
            if (!Names.TryParse<SubjectRequestKind>(kind, out var parsed))
            {
                return Invalid(httpContext, $"'kind' must be one of {Names.List<SubjectRequestKind>()}.");
            }

            kindFilter = parsed;
        }

        var tenantId = Actor(httpContext).TenantId;
        var list = overdue == true
            ? await reports.GetOverdueAsync(httpContext.RequestAborted).ConfigureAwait(false)
            : await reports.ListAsync(new SubjectRequestFilter { OpenOnly = openOnly == true, Kind = kindFilter, SubjectId = subjectId, TenantId = tenantId }, httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(list.Where(r => (kindFilter is null || r.Kind == kindFilter) && (subjectId is null || r.SubjectId == subjectId) && InTenant(r, tenantId))
            .Select(RequestView.From).ToList());
    }

    private static async Task<Ok<OperatorRequestView>> GetAsync(string requestId, HttpContext httpContext, ISubjectRequestService requests)
    {
        var request = await LoadAsync(requests, requestId, httpContext).ConfigureAwait(false);
        var history = await requests.GetHistoryAsync(requestId, httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(OperatorRequestView.From(request, history));
    }

    private static async Task<Results<Created<OperatorRequestView>, ProblemHttpResult>> SubmitAsync(
        OperatorRequestBody? body, HttpContext httpContext, ISubjectRequestService requests)
    {
        if (!Names.TryParse<SubjectRequestKind>(body?.Kind, out var kind))
        {
            return Invalid(httpContext, $"'kind' must be one of {Names.List<SubjectRequestKind>()}.");
        }

        if (string.IsNullOrWhiteSpace(body!.SubjectId))
        {
            return Invalid(httpContext, "'subjectId' names the data subject the request is about.");
        }

        var regime = PrivacyRequestState.Get(httpContext).Regime;
        if (body.Regime is not null && !Names.TryParse(body.Regime, out regime))
        {
            return Invalid(httpContext, $"'regime' must be one of {Names.List<PrivacyRegime>()}.");
        }

        if (!Names.TryParse<RequestChannel>(body.Channel, out var channel) || channel == RequestChannel.SelfService)
        {
            return Invalid(httpContext, "'channel' must be one of email, phone, mail, inPerson, authorizedAgent (self-service requests come from the subject).");
        }

        if (!TryCorrections(body.Corrections, out var corrections, out var error))
        {
            return Invalid(httpContext, error!);
        }

        var actor = Actor(httpContext);
        if (actor.TenantId is not null && body.TenantId is not null && body.TenantId != actor.TenantId)
        {
            return Invalid(httpContext, "'tenantId' must be your own tenant (or left out).");
        }

        var request = await requests.SubmitAsync(
            new SubjectRequestSubmission
            {
                Kind = kind,
                Regime = regime,
                SubjectId = body.SubjectId,
                Channel = channel,
                TenantId = body.TenantId ?? actor.TenantId,
                Scope = body.Scope ?? [],
                Corrections = corrections,
            },
            actor,
            httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"{httpContext.Request.PathBase}{httpContext.Request.Path.Value?.TrimEnd('/')}/{request.Id}", OperatorRequestView.From(request, []));
    }

    private static async Task<Results<Ok<VerificationView>, ProblemHttpResult>> VerifyAsync(
        string requestId, HttpContext httpContext, ISubjectRequestService requests)
    {
        var actor = Actor(httpContext);
        var request = await LoadAsync(requests, requestId, httpContext).ConfigureAwait(false);
        if (request.Status == SubjectRequestStatus.Received)
        {
            await requests.BeginVerificationAsync(requestId, actor, httpContext.RequestAborted).ConfigureAwait(false);
        }

        var result = await requests.VerifyIdentityAsync(requestId, actor, httpContext.RequestAborted).ConfigureAwait(false);
        var after = RequestView.From(await requests.GetAsync(requestId, httpContext.RequestAborted).ConfigureAwait(false));
        return result.IsVerified
            ? TypedResults.Ok(new VerificationView(after, true, result.Method, null))
            : Invalid(httpContext, $"Identity not verified: {result.Reason}.");
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> ExtendAsync(
        string requestId, ReasonBody? body, HttpContext httpContext, ISubjectRequestService requests)
    {
        if (string.IsNullOrWhiteSpace(body?.Reason))
        {
            return Invalid(httpContext, "'reason' says why the request needs more time (no personal data).");
        }

        await LoadAsync(requests, requestId, httpContext).ConfigureAwait(false);
        var request = await requests.ExtendAsync(requestId, Actor(httpContext), body.Reason, httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(RequestView.From(request));
    }

    private static async Task<Ok<RequestView>> CompleteAsync(string requestId, NoteBody? body, HttpContext httpContext, ISubjectRequestService requests)
    {
        await LoadAsync(requests, requestId, httpContext).ConfigureAwait(false);
        var request = await requests.CompleteAsync(requestId, Actor(httpContext), body?.Note, httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(RequestView.From(request));
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> RejectAsync(
        string requestId, RejectBody? body, HttpContext httpContext, ISubjectRequestService requests)
    {
        if (!Names.TryParse<RejectionGround>(body?.Ground, out var ground))
        {
            return Invalid(httpContext, $"'ground' must be one of {Names.List<RejectionGround>()}.");
        }

        await LoadAsync(requests, requestId, httpContext).ConfigureAwait(false);
        var request = await requests.RejectAsync(requestId, Actor(httpContext), new RequestRejection(ground, body!.Note), httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(RequestView.From(request));
    }

    private static async Task<IResult> ExecuteAsync(
        string requestId, HttpContext httpContext, ISubjectRequestService requests, ISubjectRequestExecutor executor)
    {
        var request = await LoadAsync(requests, requestId, httpContext).ConfigureAwait(false);
        if (await AuthorizeAsync(httpContext, new PermissionRequirement(PermissionToExecute(request.Kind))).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var outcome = await executor.ExecuteAsync(requestId, Actor(httpContext), httpContext.RequestAborted).ConfigureAwait(false);
        if (outcome.Package is { } package)
        {
            httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"subject-data-{requestId}.json\"";
            return TypedResults.Text(package.ToJson(), "application/json");
        }

        return outcome.Certificate is { } certificate
            ? TypedResults.Text(certificate.ToJson(), "application/json")
            : TypedResults.Ok(new ExecutionView(RequestView.From(outcome.Request), [.. outcome.Changes.Select(ChangeView.From)]));
    }

    /// <summary>Loads a request the operator may see: an operator with a tenant sees only that tenant's requests (others answer 404).</summary>
    private static async Task<SubjectRequest> LoadAsync(ISubjectRequestService requests, string requestId, HttpContext httpContext)
    {
        var request = await requests.GetAsync(requestId, httpContext.RequestAborted).ConfigureAwait(false);
        return InTenant(request, Actor(httpContext).TenantId)
            ? request
            : throw new SubjectRequestNotFoundException("The data subject request was not found.") { RequestId = requestId };
    }

    private static bool InTenant(SubjectRequest request, string? tenantId) => tenantId is null || request.TenantId == tenantId;
}
