using Microsoft.EntityFrameworkCore;
using PrivacyKit.Access;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Data;

/// <summary>Brings the CRM's database up to date and, on a new installation, seeds it; grants each employee their role.</summary>
public static class CrmDatabase
{
    /// <summary>Applies the migrations in <c>Migrations/</c> (the CRM's tables and PrivacyKit's) the database lacks.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database.MigrateAsync(cancellationToken);
    }

    /// <summary>Migrates, seeds an empty database and grants the roles.</summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await MigrateAsync(services, cancellationToken);
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            if (!await db.Users.AnyAsync(cancellationToken))
            {
                db.Users.AddRange(SeedData.Users);
                db.Customers.AddRange(SeedData.Customers(services.GetRequiredService<TimeProvider>().GetUtcNow()));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await GrantRolesAsync(services, cancellationToken);
    }

    // Role assignments are kept by PrivacyKit's role store (in the CRM's database): on a new installation the
    // administrator grants each employee their role; the first administrator is set up by the installation.
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
