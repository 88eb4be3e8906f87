using Microsoft.EntityFrameworkCore;
using PrivacyKit.AspNetCore;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.RowScope;
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
            (await db.Customers.AsNoTracking().ToListAsync(ct)).OrderBy(c => c.LastName))
            .RequirePermission("customers:read");
        customers.MapGet("/{id:guid}", async (Guid id, CrmDbContext db, CancellationToken ct) =>
        {
            // Row scope filters the query: a rep finds only their own customers.
            if (await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } customer)
            {
                return Results.Ok(customer);
            }

            // Out of scope (403) or unknown (404)? Telling them apart looks past the row scope, which PrivacyKit audits.
            var exists = await db.Customers.IgnorePrivacyScope("tell an out-of-scope customer from an unknown one").AnyAsync(c => c.Id == id, ct);
            return exists ? Results.Forbid() : Results.NotFound();
        }).RequirePermission("customers:read");
        customers.MapGet("/search", async (string email, CrmDbContext db, CancellationToken ct) =>
            await db.Customers.AsNoTracking().WhereEquals(c => c.Email, email).ToListAsync(ct))
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
