using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore;
using PrivacyKit.EFCore.Requests;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Domain;

namespace PrivacyKit.Samples.Crm.Privacy;

/// <summary>
/// The registration lines that retrofit PrivacyKit into the CRM (with the attributes on the entities in
/// <c>Domain/</c>, this is the whole change the CRM needs for the core features).
/// </summary>
public static class CrmPrivacy
{
    public static IPrivacyKitBuilder AddCrm(
        this IServiceCollection services, IConfiguration configuration, CrmPaths paths,
        string marketingPolicyVersion = CrmPurposes.CurrentMarketingPolicy, string instanceId = "crm-sample-1")
    {
        services.AddLogging();
        services.AddDbContext<CrmDbContext>((sp, o) => o
            .UseSqlite(paths.ConnectionString)
            .UsePrivacyKit(sp, pk => pk.EnforceFieldAccess<Customer>("customers:read")));   // encryption, blind index, masking, row scope, auditing
        services.AddScoped<MarketingCampaigns>();

        var auditKeys = AuditKeyFile.LoadOrCreate(paths.AuditKeys);
        var builder = services.AddPrivacyKit(o =>
            {
                o.ApplicationName = "crm-sample";
                o.InstanceId = instanceId;   // one audit chain per instance, which every run continues
            })
            .AddLocalKeyEncryptionKey(paths.KeyRing)          // production: .AddAzureKeyVault(keyId, credential)
            .AddEntityFrameworkStores<CrmDbContext>()         // data keys, consent, requests, legal holds, audit trail: in the CRM's database
            .AddEntityFrameworkJobs<CrmDbContext>()           // encrypt-existing, re-encrypt, re-wrap
            .AddAccessControl(configuration.GetSection("PrivacyKit:Access"))
            .AddAccessControl(CrmRoles.Configure)
            .ConfigureEntityFrameworkRowScope(o => o.MapResource<Customer>("customers"))
            .ConfigureConsent(o => CrmPurposes.Configure(o, marketingPolicyVersion))
            .ConfigureAudit(o =>
            {
                o.ChainKey = auditKeys.ChainKey;
                o.ValueHashKey = auditKeys.ValueHashKey;
                o.RequireConfiguredKeys = true;
                o.CheckpointInterval = 20;
            })
            .AddAuditCheckpointFile(paths.AuditCheckpoints)
            .ConfigureSubjectRequests(o => o.OperatorRole = CrmRoles.Dpo)
            .AddEntityFrameworkPersonalData<CrmDbContext>(o =>
            {
                o.SourceName = "crm";
                o.Erase(nameof(Customer), ErasureStrategy.ShredKey);   // the row stays, emptied; the customer's data key is shredded
            });
        return builder;
    }

    /// <summary>The sample's appsettings.json, for the commands that run without the web host.</summary>
    public static IConfiguration LoadConfiguration() =>
        new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json").Build();
}
