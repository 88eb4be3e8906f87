using Microsoft.AspNetCore.Authentication;
using PrivacyKit.AspNetCore;
using PrivacyKit.Samples.Crm.Data;
using PrivacyKit.Samples.Crm.Privacy;

namespace PrivacyKit.Samples.Crm.Api;

/// <summary>The CRM's web host: its API, PrivacyKit's privacy endpoints, and the development sign-in.</summary>
public static class CrmWebApp
{
    /// <summary>The audit chain of the web host (the demo and the operator commands write their own).</summary>
    public const string InstanceId = "crm-web-1";

    public static async Task<WebApplication> CreateAsync(CrmPaths paths, string[] args, string environment, bool quiet = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (quiet)
        {
            builder.Logging.ClearProviders();
        }

        builder.Services.AddAuthentication(DevelopmentSignIn.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, DevelopmentSignIn>(DevelopmentSignIn.SchemeName, null);
        builder.Services.AddCrm(builder.Configuration, paths, instanceId: InstanceId)
            .AddAspNetCore();                                            // actor, requirements, GPC, privacy endpoints

        var app = builder.Build();
        await CrmDatabase.PrepareAsync(app.Services);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePrivacyKit();
        app.MapCrm();
        app.MapPrivacyEndpoints("/privacy");
        return app;
    }
}
