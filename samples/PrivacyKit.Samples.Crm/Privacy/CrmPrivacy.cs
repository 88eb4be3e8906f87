using Microsoft.EntityFrameworkCore;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Domain;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>
/// The registration lines that retrofit PrivacyKit into the CRM (with the attributes on the entities in
/// <c>Domain/</c>, this is the whole change the CRM needs for the core features).
/// </summary>
public static class CrmPrivacy
{
    public static IServiceCollection AddCrm(
        this IServiceCollection services, IConfiguration configuration, CrmPaths paths, string marketingPolicyVersion = CrmPurposes.FirstMarketingPolicy)
    {
        services.AddLogging();
        services.AddDbContext<CrmDbContext>(o => o.UseSqlite($"Data Source={paths.Database}"));
        services.AddScoped<MarketingCampaigns>();

        var auditKeys = AuditKeyFile.LoadOrCreate(paths.AuditKeys);
        services.AddPrivacyKit(o =>
            {
                o.ApplicationName = "crm-sample";
                o.InstanceId = "crm-sample-1";   // one audit chain that every run of the sample continues
            })
            .AddLocalKeyEncryptionKey(paths.KeyRing)          // production: .AddAzureKeyVault(keyId, credential)
            .AddFileDataKeyStore(paths.DataKeys)              // EF Core adapter: data keys in the CRM's database
            .AddAccessControl(configuration.GetSection("PrivacyKit:Access"))
            .AddAccessControl(CrmRoles.Configure)
            .ConfigureConsent(o => CrmPurposes.Configure(o, marketingPolicyVersion))
            .ConfigureAudit(o =>
            {
                o.ChainKey = auditKeys.ChainKey;
                o.ValueHashKey = auditKeys.ValueHashKey;
                o.RequireConfiguredKeys = true;
                o.CheckpointInterval = 20;
            })
            .AddJsonLinesAuditSink(paths.AuditDirectory)
            .AddAuditCheckpointFile(paths.AuditCheckpoints)
            .AddDataMapEntities(typeof(Customer), typeof(Contact), typeof(Note), typeof(Activity))
            .ConfigureSubjectRequests(o => o.OperatorRole = CrmRoles.Dpo)
            .AddPersonalDataSource<CrmPersonalDataSource>();
        return services;
    }

    /// <summary>The sample's appsettings.json, for the commands that run without the web host.</summary>
    public static IConfiguration LoadConfiguration() =>
        new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").Build();
}
