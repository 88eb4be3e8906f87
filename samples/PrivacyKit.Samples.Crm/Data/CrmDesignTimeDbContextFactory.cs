using Microsoft.EntityFrameworkCore.Design;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Data;

/// <summary>
/// Gives <c>dotnet ef</c> the CRM's context configured as at run time (PrivacyKit's conventions shape the model:
/// ciphertext and blind-index columns, row-scope filters). It never opens the database; the key and audit-key files
/// it may need go to a temporary folder.
/// </summary>
public sealed class CrmDesignTimeDbContextFactory : IDesignTimeDbContextFactory<CrmDbContext>
{
    public CrmDbContext CreateDbContext(string[] args)
    {
        var folder = Directory.CreateTempSubdirectory("crm-design-").FullName;
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Path.GetDirectoryName(typeof(CrmDbContext).Assembly.Location)!)
            .AddJsonFile("appsettings.json")
            .Build();
        var services = new ServiceCollection().AddCrm(configuration, new CrmPaths(Path.Combine(folder, "design.db"))).Services.BuildServiceProvider();
        return services.CreateScope().ServiceProvider.GetRequiredService<CrmDbContext>();
    }
}
