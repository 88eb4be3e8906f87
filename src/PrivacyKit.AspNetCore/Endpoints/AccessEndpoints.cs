using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PrivacyKit.Access;
using PrivacyKit.AspNetCore.Internal;
using static PrivacyKit.AspNetCore.Endpoints.EndpointHelpers;

namespace PrivacyKit.AspNetCore.Endpoints;

/// <summary>Operator endpoints for the access review and role grants.</summary>
internal static class AccessEndpoints
{
    public static void Map(RouteGroupBuilder privacy)
    {
        var access = privacy.MapGroup("/access").WithTags("Privacy: operators");

        access.MapGet("/review", GetReviewAsync).WithName("PrivacyGetAccessReview")
            .WithSummary("The access review: every role assignment with what needs attention.")
            .RequirePermission(PrivacyPermissions.AccessReview);
        access.MapPost("/review/{assignmentId}", RecertifyAsync).WithName("PrivacyRecertifyAssignment")
            .WithSummary("Keep or revoke an assignment (nobody reviews their own). Needs a multi-factor sign-in.")
            .RequirePermission(PrivacyPermissions.AccessReview).RequireStepUp()
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        access.MapPost("/roles", GrantAsync).WithName("PrivacyGrantRole")
            .WithSummary("Grant a role (separation of duties is enforced). Needs a multi-factor sign-in.")
            .RequirePermission(PrivacyPermissions.RolesManage).RequireStepUp()
            .ProducesProblem(409).ProducesProblem(422);
        access.MapDelete("/roles/{assignmentId}", RevokeAsync).WithName("PrivacyRevokeRole")
            .WithSummary("Revoke a role assignment. Needs a multi-factor sign-in.")
            .RequirePermission(PrivacyPermissions.RolesManage).RequireStepUp()
            .ProducesProblem(404).ProducesProblem(409);
    }

    private static async Task<Ok<ReviewReportView>> GetReviewAsync(HttpContext httpContext, IAccessReviewService review)
    {
        var report = await review.CreateReportAsync(httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new ReviewReportView(report.GeneratedAt, report.PolicyVersion, [.. report.Entries.Select(ReviewEntryView.From)]));
    }

    private static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> RecertifyAsync(
        string assignmentId, RecertifyBody? body, HttpContext httpContext, IAccessReviewService review, IRoleStore store)
    {
        if (!Names.TryParse<AccessReviewDecision>(body?.Decision, out var decision))
        {
            return Invalid(httpContext, "'decision' must be keep or revoke.");
        }

        var assignment = await store.FindAssignmentAsync(assignmentId, httpContext.RequestAborted).ConfigureAwait(false);
        if (assignment is null)
        {
            return NotFound(httpContext, "role assignment");
        }

        var actor = Actor(httpContext);
        if (assignment.ActorId == actor.Id)
        {
            return Conflict(httpContext, "Nobody reviews their own role assignment: ask another reviewer.");
        }

        await review.RecertifyAsync(assignmentId, actor.Id, decision, httpContext.RequestAborted).ConfigureAwait(false);
        var after = await store.FindAssignmentAsync(assignmentId, httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(AssignmentView.From(after ?? assignment));
    }

    private static async Task<Results<Created<AssignmentView>, ProblemHttpResult>> GrantAsync(
        GrantBody? body, HttpContext httpContext, IRoleManager roles)
    {
        if (string.IsNullOrWhiteSpace(body?.ActorId) || string.IsNullOrWhiteSpace(body.Role))
        {
            return Invalid(httpContext, "The body needs 'actorId' and 'role'.");
        }

        var actor = Actor(httpContext);
        if (body.ActorId == actor.Id)
        {
            return Conflict(httpContext, "Nobody grants a role to themselves: ask another administrator.");
        }

        var assignment = await roles.GrantAsync(
            new RoleGrantRequest { ActorId = body.ActorId, Role = body.Role, GrantedBy = actor.Id, StartsAt = body.StartsAt, ExpiresAt = body.ExpiresAt },
            httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Created($"{httpContext.Request.PathBase}{httpContext.Request.Path}/{assignment.Id}", AssignmentView.From(assignment));
    }

    private static async Task<Results<Ok<AssignmentView>, ProblemHttpResult>> RevokeAsync(
        string assignmentId, HttpContext httpContext, IRoleManager roles, IRoleStore store)
    {
        var assignment = await store.FindAssignmentAsync(assignmentId, httpContext.RequestAborted).ConfigureAwait(false);
        if (assignment is null)
        {
            return NotFound(httpContext, "role assignment");
        }

        if (assignment.RevokedAt is not null)
        {
            return Conflict(httpContext, "The assignment is already revoked.");
        }

        var revoked = await roles.RevokeAsync(assignmentId, Actor(httpContext).Id, httpContext.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(AssignmentView.From(revoked ?? assignment));
    }

    private static ProblemHttpResult Conflict(HttpContext httpContext, string detail) =>
        TypedResults.Problem(PrivacyProblems.Create(httpContext, StatusCodes.Status409Conflict, "conflict", "Conflict", detail));
}
