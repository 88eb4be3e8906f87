using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivacyKit.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Classification;

public sealed class DataMapProviderTests
{
    private sealed class TableNames : IDataMapContributor
    {
        public void Contribute(DataMapBuilder builder) =>
            builder.Update("Customer", e => e with { Table = "customers" });
    }

    [Fact]
    public void GetDataMap_RegisteredTypesContributorsAndRetentionConfig_AreMerged()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit()
            .AddDataMapEntities(typeof(Customer), typeof(Invoice))
            .AddDataMapEntities(typeof(Customer))
            .AddDataMapContributor<TableNames>()
            .ConfigureRetention(o => o.AddRule("Invoice", "P6M", "IssuedAt", RetentionAction.Anonymise, "DeliveryAddress"));
        using var provider = services.BuildServiceProvider();

        var map = provider.GetRequiredService<IDataMapProvider>().GetDataMap();

        Assert.Equal(["Customer", "Invoice"], map.Entities.Select(e => e.Name));
        Assert.Equal("customers", map.FindEntity("Customer")!.Table);
        var address = map.FindEntity("Invoice")!.FindField("DeliveryAddress")!.Retention!;
        Assert.Equal(RetentionPolicySource.Configuration, address.Source);
        Assert.Equal("P6M", address.Period.ToString());
        Assert.Same(map, provider.GetRequiredService<IDataMapProvider>().GetDataMap());
    }

    [Fact]
    public void AddDataMapEntitiesFrom_Assembly_FindsAnnotatedClassesOnly()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit().AddDataMapEntitiesFrom(typeof(Customer).Assembly);
        using var provider = services.BuildServiceProvider();
        var types = provider.GetRequiredService<IOptions<DataMapOptions>>().Value.EntityTypes;
        Assert.Contains(typeof(Customer), types);
        Assert.Contains(typeof(SupportTicket), types);
        Assert.DoesNotContain(typeof(DataMapProviderTests), types);
    }

    [Fact]
    public void AddDataMapEntities_NullArguments_Throw()
    {
        var builder = new ServiceCollection().AddPrivacyKit();
        Assert.Throws<ArgumentNullException>(() => builder.AddDataMapEntities(null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddDataMapEntities([null!]));
        Assert.Throws<ArgumentNullException>(() => builder.AddDataMapEntitiesFrom(null!));
    }

    [Fact]
    public void GetDataMap_PurposeNotRegistered_ThrowsNamingTypeAndProperty()
    {
        using var provider = ProviderWithOnlyCrmPurpose();

        var ex = Assert.Throws<DataMapException>(() => provider.GetRequiredService<IDataMapProvider>().GetDataMap());
        Assert.Equal(("Customer", "Email"), (ex.EntityType, ex.PropertyName));
        Assert.Contains("Customer.Email names purpose 'marketing'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetDataMap_EveryPurposeRegistered_Succeeds()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit()
            .AddDataMapEntities(typeof(Customer))
            .ConfigureConsent(o =>
            {
                o.AddPurpose(new PrivacyKit.Consent.ConsentPurpose { Id = "crm", Description = "CRM", LawfulBasis = PrivacyKit.Consent.LawfulBasis.Contract });
                o.AddPurpose(new PrivacyKit.Consent.ConsentPurpose { Id = "marketing", Description = "Offers", LawfulBasis = PrivacyKit.Consent.LawfulBasis.Consent, PolicyVersion = "1" });
            });
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["crm", "marketing"], provider.GetRequiredService<IDataMapProvider>().GetDataMap().FindEntity("Customer")!.FindField("Email")!.Purposes);
    }

    [Fact]
    public void StartupValidation_InconsistentAnnotations_FailsNamingTypeAndProperty()
    {
        using var provider = ProviderWithOnlyCrmPurpose();

        // What the host runs when it starts.
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Customer.Email names purpose 'marketing'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartupValidation_ConsistentAnnotations_Passes()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit().AddDataMapEntities(typeof(Customer), typeof(Invoice));
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.Equal(2, provider.GetRequiredService<IDataMapProvider>().GetDataMap().Entities.Count);
    }

    // Customer.Email names the purpose 'marketing', which this provider leaves unregistered.
    private static ServiceProvider ProviderWithOnlyCrmPurpose()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit()
            .AddDataMapEntities(typeof(Customer))
            .ConfigureConsent(o => o.AddPurpose(new PrivacyKit.Consent.ConsentPurpose
            {
                Id = "crm",
                Description = "Customer relationship",
                LawfulBasis = PrivacyKit.Consent.LawfulBasis.Contract,
            }));
        return services.BuildServiceProvider();
    }
}
