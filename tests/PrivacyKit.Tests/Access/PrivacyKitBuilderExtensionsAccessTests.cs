using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrivacyKit.Access;
using PrivacyKit.Audit;
using PrivacyKit.Classification;
using PrivacyKit.Tests.TestSupport;

namespace PrivacyKit.Tests.Access;

public sealed class PrivacyKitBuilderExtensionsAccessTests
{
    private static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IAuditTrail, RecordingAuditTrail>();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        extra?.Invoke(services);
        services.AddPrivacyKit().AddAccessControl(configuration.GetSection(AccessControlOptions.SectionName));
        return services.BuildServiceProvider();
    }

    private static async Task<ServiceProvider> BuildWithSupportAgentAsync(IConfiguration configuration)
    {
        var provider = Build(configuration);
        await provider.GetRequiredService<IRoleManager>().GrantAsync(new RoleGrantRequest { ActorId = "s-1", Role = CrmRoles.Support, GrantedBy = "admin-0" });
        return provider;
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public async Task AddAccessControl_FromConfiguration_DecidesLikeTheCodeDefinition()
    {
        using var fromConfig = Build(Configuration(CrmRoles.ConfigurationValues()));
        using var fromCode = new AccessTestHost();
        var manager = fromConfig.GetRequiredService<IRoleManager>();
        await manager.GrantAsync(new RoleGrantRequest { ActorId = "m-1", Role = CrmRoles.SalesManager, GrantedBy = "admin-0" });
        await fromCode.GrantAsync("m-1", CrmRoles.SalesManager);
        var actor = new Context.PrivacyActor("m-1");

        foreach (var permission in new[] { "customers:read", "customers:update", "customers:export", "customers:erase" })
        {
            var a = await fromConfig.GetRequiredService<IAccessEvaluator>().EvaluateAsync(actor, Permission.Parse(permission));
            var b = await fromCode.Evaluator.EvaluateAsync(actor, Permission.Parse(permission));
            Assert.Equal((b.IsAllowed, b.Rows.Scope), (a.IsAllowed, a.Rows.Scope));
            Assert.Equal(b.Fields.GetAccess(PrivacyClassifications.Financial), a.Fields.GetAccess(PrivacyClassifications.Financial));
        }

        Assert.Equal(6, fromConfig.GetRequiredService<IAccessPolicyProvider>().RoleNames.Count);
    }

    [Fact]
    public void AddAccessControl_InvalidConfiguration_FailsAtStartNamingTheKey()
    {
        var values = CrmRoles.ConfigurationValues();
        values["PrivacyKit:Access:Roles:sales-rep:Inherits:0"] = "x";
        using var provider = Build(Configuration(values));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("PrivacyKit:Access:Roles:sales-rep:Inherits:0 names unknown role 'x'.", ex.Failures);
    }

    [Fact]
    public void AddAccessControl_SectionElsewhere_MessagesUseItsPath()
    {
        var values = CrmRoles.ConfigurationValues("Crm:Security");
        values["Crm:Security:Roles:support:Permissions:0"] = "read everything";
        var services = new ServiceCollection();
        services.AddSingleton<IAuditTrail, RecordingAuditTrail>();
        services.AddPrivacyKit().AddAccessControl(Configuration(values).GetSection("Crm:Security"));
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AccessControlOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.StartsWith("Crm:Security:Roles:support:Permissions:0 is not a permission", StringComparison.Ordinal));
    }

    [Fact]
    public void AddAccessControl_UnknownScopeValue_FailsNamingTheKey()
    {
        var values = CrmRoles.ConfigurationValues();
        values["PrivacyKit:Access:Roles:support:Scopes:customers"] = "Everything";
        using var provider = Build(Configuration(values));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AccessControlOptions>>().Value);

        Assert.Contains("PrivacyKit:Access:Roles:support:Scopes:customers must be Own, Team, Tenant or All.", ex.Failures);
    }

    [Fact]
    public void AddAccessControl_MistypedKey_FailsNamingTheKey()
    {
        var values = CrmRoles.ConfigurationValues();
        values["PrivacyKit:Access:Roles:support:Scope:customers"] = "Own";
        values["PrivacyKit:Access:TrustClaimedRoles"] = "sometimes";
        using var provider = Build(Configuration(values));

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AccessControlOptions>>().Value);

        Assert.Contains("PrivacyKit:Access:Roles:support:Scope is not a role setting: use Description, Inherits, Permissions, Scopes, Fields or Properties.", ex.Failures);
        Assert.Contains("PrivacyKit:Access:TrustClaimedRoles must be true or false.", ex.Failures);
    }

    [Fact]
    public async Task AddAccessControl_ConfigurationReload_SwapsDefinitionsAndInvalidatesDecisions()
    {
        var configuration = Configuration(CrmRoles.ConfigurationValues());
        using var provider = await BuildWithSupportAgentAsync(configuration);
        var policies = provider.GetRequiredService<IAccessPolicyProvider>();
        var evaluator = provider.GetRequiredService<IAccessEvaluator>();
        var actor = new Context.PrivacyActor("s-1");
        var version = policies.Version;
        Assert.False((await evaluator.EvaluateAsync(actor, Permission.Parse("customers:export"))).IsAllowed);

        configuration["PrivacyKit:Access:Roles:support:Permissions:1"] = "customers:export";
        configuration.Reload();

        Assert.Equal(version + 1, policies.Version);
        Assert.True((await evaluator.EvaluateAsync(actor, Permission.Parse("customers:export"))).IsAllowed);
    }

    [Fact]
    public async Task AddAccessControl_InvalidReload_KeepsPreviousDefinitions()
    {
        var configuration = Configuration(CrmRoles.ConfigurationValues());
        using var provider = await BuildWithSupportAgentAsync(configuration);
        var policies = provider.GetRequiredService<IAccessPolicyProvider>();
        var evaluator = provider.GetRequiredService<IAccessEvaluator>();
        var version = policies.Version;

        configuration["PrivacyKit:Access:Roles:support:Inherits:0"] = "ghost";
        // Options validation throws from the reload callback, as it does for every validated options type.
        var ex = Assert.Throws<AggregateException>(configuration.Reload);

        var validation = Assert.IsType<OptionsValidationException>(Assert.Single(ex.InnerExceptions));
        Assert.Contains("PrivacyKit:Access:Roles:support:Inherits:0 names unknown role 'ghost'.", validation.Failures);
        Assert.Equal(version, policies.Version);
        Assert.True((await evaluator.EvaluateAsync(new Context.PrivacyActor("s-1"), Permission.Parse("customers:read"))).IsAllowed);
    }

    [Fact]
    public void Reload_InvalidOptionsFromCode_ThrowsWithErrorsAndKeepsVersion()
    {
        using var host = new AccessTestHost();
        var version = host.Policies.Version;
        var bad = new AccessControlOptions();
        bad.AddRole("a").InheritFrom("b");

        var ex = Assert.Throws<AccessControlException>(() => host.Policies.Reload(bad));

        Assert.Equal(["PrivacyKit:Access:Roles:a:Inherits:0 names unknown role 'b'."], ex.Errors);
        Assert.Equal(version, host.Policies.Version);
    }

    [Fact]
    public void AddPrivacyKit_Twice_RegistersAccessServicesOnce()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit();
        services.AddPrivacyKit();

        Assert.Single(services, d => d.ServiceType == typeof(IAccessEvaluator));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<AccessControlOptions>));
    }

    [Fact]
    public void AddPrivacyKit_UserRoleStoreRegisteredFirst_Wins()
    {
        var services = new ServiceCollection();
        var store = new InMemoryRoleStore();
        services.AddSingleton<IRoleStore>(store);
        services.AddPrivacyKit();
        using var provider = services.BuildServiceProvider();

        Assert.Same(store, provider.GetRequiredService<IRoleStore>());
    }

    [Fact]
    public void AddAccessControl_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddPrivacyKit();

        Assert.Throws<ArgumentNullException>(() => builder.AddAccessControl((Action<AccessControlOptions>)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddAccessControl((IConfiguration)null!));
        Assert.Throws<ArgumentNullException>(() => PrivacyKitBuilderExtensions.AddAccessControl(null!, CrmRoles.Configure));
    }
}
