using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.AspNetCore.Authorization;
using PrivacyKit.AspNetCore.Http;
using PrivacyKit.Audit;
using PrivacyKit.Consent;
using PrivacyKit.Requests;
using static PrivacyKit.AspNetCore.Endpoints.EndpointHelpers;

namespace PrivacyKit.AspNetCore.Endpoints;

/// <summary>Self-service endpoints: every one acts on the signed-in subject only (the subject id claim), never on a route value.</summary>
internal static class SubjectEndpoints
{
    internal const int AccessHistoryLimit = 500;

    public static void Map(RouteGroupBuilder privacy)
    {
        var me = privacy.MapGroup("/me").RequireAuthorization(PrivacyPolicyNames.DataSubject).WithTags("Privacy: data subject");

        me.MapGet("/consents", GetConsentsAsync).WithName("PrivacyGetMyConsents")
            .WithSummary("My consents: every purpose with its current decision.");
        me.MapPut("/consents/{purposeId}", ChangeConsentAsync).WithName("PrivacyChangeMyConsent")
            .WithSummary("Give or withdraw my consent to a purpose.").ProducesProblem(404).ProducesProblem(422);
        me.MapGet("/consents/receipt", GetReceiptAsync).WithName("PrivacyGetMyConsentReceipt")
            .WithSummary("My consent receipt: decisions and the full history as proof.").Produces<string>(200, "application/json");
        me.MapPost("/export", ExportAsync).WithName("PrivacyExportMyData")
            .WithSummary("Download my data (privacykit.subject-data-export/1 JSON). Needs a multi-factor sign-in; rate-limited.")
            .RequireAuthorization(PrivacyPolicyNames.StepUp).RequireRateLimiting(ExportRateLimiterPolicy.Name)
            .Produces<string>(200, "application/json").ProducesProblem(429);
        me.MapPost("/requests", SubmitAsync).WithName("PrivacySubmitMyRequest")
            .WithSummary("Request erasure, rectification, restriction, objection or opt-out of sale. Erasure needs a multi-factor sign-in.")
            .ProducesProblem(403).ProducesProblem(422);
        me.MapGet("/requests", ListRequestsAsync).WithName("PrivacyListMyRequests").WithSummary("My data subject requests.");
        me.MapGet("/requests/{requestId}", GetRequestAsync).WithName("PrivacyGetMyRequest")
            .WithSummary("One of my data subject requests.").ProducesProblem(404);
        me.MapGet("/access-history", (Delegate)GetAccessHistoryAsync).WithName("PrivacyGetMyAccessHistory")
            .WithSummary("Who (by role) read, changed, exported or erased my data, and when.").ProducesProblem(501);
    }

    private static async Task<Ok<ConsentsView>> GetConsentsAsync(HttpContext httpContext, IConsentService consent)
    {
        var receipt = await consent.GetReceiptAsync(SubjectId(httpContext), httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ConsentsView(receipt.IsOptedOutOfSaleOrSharing, [.. receipt.Purposes.Select(ConsentView.From)]));
    }

    private static async Task<Results<Ok<ConsentView>, ProblemHttpResult>> ChangeConsentAsync(
        string purposeId, ConsentChangeBody? body, HttpContext httpContext, IConsentService consent)
    {
        if (body?.Granted is not { } granted)
        {
            return Invalid(httpContext, "The body needs 'granted': true to give consent or false to withdraw it.");
        }

        var subjectId = SubjectId(httpContext);
        var purpose = consent.GetPurpose(purposeId);
        var proof = "self-service:" + PrivacyRequestState.Get(httpContext).CorrelationId;
        if (granted)
        {
            await consent.GrantAsync(subjectId, purpose.Id, ConsentSource.Api, proof, httpContext.RequestAborted).ConfigureAwait(false);
        }
        else
        {
            await consent.WithdrawAsync(subjectId, purpose.Id, ConsentSource.Api, proof, httpContext.RequestAborted).ConfigureAwait(false);
        }

        var receipt = await consent.GetReceiptAsync(subjectId, httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(ConsentView.From(receipt.Purposes.First(p => p.Purpose.Id == purpose.Id)));
    }

    private static async Task<ContentHttpResult> GetReceiptAsync(HttpContext httpContext, IConsentService consent)
    {
        var receipt = await consent.GetReceiptAsync(SubjectId(httpContext), httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Text(receipt.ToJson(), "application/json");
    }

    private static async Task<IResult> ExportAsync(
        HttpContext httpContext, ISubjectRequestService requests, ISubjectRequestExecutor executor)
    {
        var actor = Actor(httpContext);
        var state = PrivacyRequestState.Get(httpContext);
        var request = await requests.SubmitAsync(
            new SubjectRequestSubmission { Kind = SubjectRequestKind.Access, Regime = state.Regime, SubjectId = actor.SubjectId!, TenantId = actor.TenantId },
            actor,
            httpContext.RequestAborted).ConfigureAwait(false);
        await VerifySelfAsync(requests, request.Id, actor, httpContext.RequestAborted).ConfigureAwait(false);
        var outcome = await executor.ExecuteAsync(request.Id, actor, httpContext.RequestAborted).ConfigureAwait(false);
        httpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"my-data-{request.Id}.json\"";
        return TypedResults.Text(outcome.Package!.ToJson(), "application/json");
    }

    private static async Task<Results<Created<RequestView>, ProblemHttpResult>> SubmitAsync(
        SelfServiceRequestBody? body, HttpContext httpContext, ISubjectRequestService requests)
    {
        if (!Names.TryParse<SubjectRequestKind>(body?.Kind, out var kind) || kind is SubjectRequestKind.Access or SubjectRequestKind.Portability)
        {
            return Invalid(httpContext, "'kind' must be one of erasure, rectification, restriction, objection, optOutOfSale (download your data with POST me/export).");
        }

        if (!TryCorrections(body!.Corrections, out var corrections, out var error))
        {
            return Invalid(httpContext, error!);
        }

        if (kind == SubjectRequestKind.Erasure && await AuthorizeAsync(httpContext, StepUpRequirement.Instance).ConfigureAwait(false) is { } denied)
        {
            return denied;
        }

        var actor = Actor(httpContext);
        var request = await requests.SubmitAsync(
            new SubjectRequestSubmission
            {
                Kind = kind,
                Regime = PrivacyRequestState.Get(httpContext).Regime,
                SubjectId = actor.SubjectId!,
                TenantId = actor.TenantId,
                Scope = body.Scope ?? [],
                Corrections = corrections,
            },
            actor,
            httpContext.RequestAborted).ConfigureAwait(false);
        request = await VerifySelfAsync(requests, request.Id, actor, httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"{httpContext.Request.PathBase}{httpContext.Request.Path}/{request.Id}", RequestView.From(request));
    }

    private static async Task<Ok<List<RequestView>>> ListRequestsAsync(HttpContext httpContext, ISubjectRequestReports reports)
    {
        var list = await reports.ListAsync(new SubjectRequestFilter { SubjectId = SubjectId(httpContext) }, httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(RequestView.From).ToList());
    }

    private static async Task<Results<Ok<RequestView>, ProblemHttpResult>> GetRequestAsync(
        string requestId, HttpContext httpContext, ISubjectRequestService requests)
    {
        SubjectRequest request;
        try
        {
            request = await requests.GetAsync(requestId, httpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (SubjectRequestNotFoundException)
        {
            return NotFound(httpContext, "request");
        }

        // Another subject's request answers exactly like a missing one: its existence is not disclosed.
        return request.SubjectId == SubjectId(httpContext) ? TypedResults.Ok(RequestView.From(request)) : NotFound(httpContext, "request");
    }

    private static async Task<Results<Ok<List<AccessHistoryItem>>, ProblemHttpResult>> GetAccessHistoryAsync(HttpContext httpContext)
    {
        var reader = httpContext.RequestServices.GetService<IAuditReader>();
        if (reader is null)
        {
            return TypedResults.Problem(Internal.PrivacyProblems.Create(httpContext, StatusCodes.Status501NotImplemented, "no-audit-reader",
                "Access history unavailable", "No audit sink that can be read back is configured (e.g. AddJsonLinesAuditSink)."));
        }

        var items = new List<AccessHistoryItem>();
        await foreach (var record in reader.QueryAsync(new AuditQuery { SubjectId = SubjectId(httpContext) }, httpContext.RequestAborted).ConfigureAwait(false))
        {
            items.Add(AccessHistoryItem.From(record.Event));
        }

        return TypedResults.Ok(items.OrderByDescending(i => i.At).Take(AccessHistoryLimit).ToList());
    }

    private static async Task<SubjectRequest> VerifySelfAsync(ISubjectRequestService requests, string requestId, Context.PrivacyActor actor, CancellationToken cancellationToken)
    {
        await requests.BeginVerificationAsync(requestId, actor, cancellationToken).ConfigureAwait(false);
        await requests.VerifyIdentityAsync(requestId, actor, cancellationToken).ConfigureAwait(false);
        return await requests.GetAsync(requestId, cancellationToken).ConfigureAwait(false);
    }
}
