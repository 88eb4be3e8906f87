using Microsoft.EntityFrameworkCore;
using PrivacyKit.Access;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Data;

/// <summary>Brings the CRM's database up to date and, on a new installation, seeds it; grants each employee their role.</summary>
public static class CrmDatabase
{
    /// <summary>Creates the schema (and seeds an empty database); returns the number of customers and employees.</summary>
    public static async Task<(int Customers, int Users)> PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            await db.Database.EnsureCreatedAsync(cancellationToken);
            if (!await db.Users.AnyAsync(cancellationToken))
            {
                db.Users.AddRange(SeedData.Users);
                db.Customers.AddRange(SeedData.Customers(services.GetRequiredService<TimeProvider>().GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await GrantRolesAsync(services, cancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            return (await db.Customers.CountAsync(cancellationToken), await db.Users.CountAsync(cancellationToken));
        }
    }

    // Role assignments are kept by PrivacyKit's role store (in memory in this sample): the administrator grants each
    // employee their role; the first administrator is set up by the installation.
    private static async Task GrantRolesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if ((await services.GetRequiredService<IRoleStore>().GetAllAssignmentsAsync(cancellationToken)).Count > 0)
        {
            return;
        }

        var roles = services.GetRequiredService<IRoleManager>();
        foreach (var user in SeedData.Users)
        {
            await roles.GrantAsync(
                new RoleGrantRequest { ActorId = user.Id, Role = user.Role, GrantedBy = user.Role == CrmRoles.Admin ? "installation" : "u-adam" },
                cancellationToken);
        }
    }
}
