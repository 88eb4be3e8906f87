using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PrivacyKit.AspNetCore;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Domain;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Api;

/// <summary>The CRM's web API. Retrofit: each endpoint declares the permission it needs, the campaign send the consent.</summary>
public static class CrmEndpoints
{
    public static IEndpointRouteBuilder MapCrm(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/customers");
        customers.MapGet("/", async (CrmDbContext db, CancellationToken ct) =>
            await db.Customers.AsNoTracking().OrderBy(c => c.LastName).ToListAsync(ct))
            .RequirePermission("customers:read");
        customers.MapGet("/{id:guid}", async (Guid id, CrmDbContext db, IAuthorizationService authorization, HttpContext http, CancellationToken ct) =>
        {
            var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
            if (customer is null)
            {
                return Results.NotFound();
            }

            // Resource-based check: the permission against this customer's owner and team (the role's row scope).
            var allowed = await authorization.AuthorizeAsync(http.User, customer, new PermissionRequirement("customers:read"));
            return allowed.Succeeded ? Results.Ok(customer) : Results.Forbid();
        }).RequirePermission("customers:read");
        customers.MapGet("/search", async (string email, CrmDbContext db, CancellationToken ct) =>
            await db.Customers.AsNoTracking().Where(c => c.Email == email).ToListAsync(ct))
            .RequirePermission("customers:read");
        customers.MapPost("/", async (Customer customer, CrmDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            customer.CreatedAt = clock.GetUtcNow();
            db.Customers.Add(customer);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/customers/{customer.Id}", customer);
        }).RequirePermission("customers:update");
        customers.MapPost("/{id:guid}/notes", async (Guid id, Note note, CrmDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            if (!await db.Customers.AnyAsync(c => c.Id == id, ct))
            {
                return Results.NotFound();
            }

            note.CustomerId = id;
            note.CreatedAt = clock.GetUtcNow();
            db.Notes.Add(note);
            await db.SaveChangesAsync(ct);
            return Results.Created($"/customers/{id}/notes/{note.Id}", note);
        }).RequirePermission("customers:update");

        app.MapGet("/deals", async (CrmDbContext db, CancellationToken ct) =>
            (await db.Deals.AsNoTracking().ToListAsync(ct)).OrderByDescending(d => d.CreatedAt))
            .RequirePermission("customers:read");

        // A campaign goes out only with the customer's consent to the current marketing policy: the endpoint answers
        // 403 (ProblemDetails naming the purpose and the reason) before the handler runs.
        app.MapPost("/campaigns/{campaign}/send/{customerId:guid}", async (string campaign, Guid customerId, CrmDbContext db, MarketingCampaigns campaigns, CancellationToken ct) =>
        {
            if (!await db.Customers.AnyAsync(c => c.Id == customerId, ct))
            {
                return Results.NotFound();
            }

            var result = await campaigns.SendAsync(campaign, customerId, ct);
            return result.Sent
                ? Results.Accepted()
                : Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No marketing consent", detail: $"Consent check: {result.Reason}.");
        }).RequirePermission("customers:read").RequireConsent(CrmPurposes.Marketing, "customerId");
        return app;
    }
}
