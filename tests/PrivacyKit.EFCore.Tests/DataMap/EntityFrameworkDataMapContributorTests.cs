using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.DataMap;
using PrivacyKit.EFCore.Tests.Requests.Crm;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.DataMap;

public sealed class EntityFrameworkDataMapContributorTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task GetDataMap_ModelRegistered_EntitiesCarryTablesAndColumns(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);

        var map = host.Provider.GetRequiredService<IDataMapProvider>().GetDataMap();

        Assert.Equal(["Activity", "Address", "Attachment", "Contact", "Customer", "Deal", "Note"], map.Entities.Select(e => e.Name));
        Assert.Equal(("Customers", "Address_Street"), (map.Entities.Single(e => e.Name == "Address").Table, map.Entities.Single(e => e.Name == "Address").FindField("Street")!.Column));
        var customer = map.Entities.Single(e => e.Name == "Customer");
        Assert.Equal("Customers", customer.Table);
        var email = customer.FindField("Email")!;
        Assert.Equal("Email", email.Column);
        Assert.True(email.Protection.HasFlag(FieldProtection.Encrypted));
        Assert.Equal("blind index column: EmailIndex", email.Notes);
        Assert.Equal("Phone", customer.FindField("Phone")!.Column);
        Assert.Equal("Text", map.Entities.Single(e => e.Name == "Note").FindField("Text")!.Column);
        Assert.Equal("P30D", map.Entities.Single(e => e.Name == "Activity").Retention!.Period.ToString());
    }

    [Fact]
    public void Contribute_EntityAlreadyInMapWithNotes_KeepsAttributesAndAppendsColumnsOnce()
    {
        using var context = new RenamedContext();
        var builder = new DataMapBuilder().Add<Customer>();
        builder.Update("Customer", e => e with { Fields = [.. e.Fields.Select(f => f.Name == "Email" ? f with { Notes = "work address" } : f)] });

        EntityFrameworkDataMapContributor<RenamedContext>.Contribute(builder, context.Model);
        EntityFrameworkDataMapContributor<RenamedContext>.Contribute(builder, context.Model);

        var customer = builder.Find("Customer")!;
        Assert.Equal("crm.clients", customer.Table);
        Assert.Equal("mail_cipher", customer.FindField("Email")!.Column);
        Assert.Equal("work address; blind index column: mail_index", customer.FindField("Email")!.Notes);
        Assert.Equal("full_name", customer.FindField("Name")!.Column);
        Assert.Equal(PrivacyClassifications.Contact, customer.FindField("Email")!.Classification);
    }

    /// <summary>A model with a schema and column names that differ from the property names.</summary>
    private sealed class RenamedContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseSqlite("Data Source=:memory:").ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));

        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Customer>(e =>
        {
            e.ToTable("clients", "crm");
            e.Ignore(c => c.Notes).Ignore(c => c.Deals).Ignore(c => c.Activities).Ignore(c => c.Email).Ignore(c => c.Address);
            e.Property(c => c.Name).HasColumnName("full_name");
            e.Property<string?>("EmailCiphertext").HasColumnName("mail_cipher").HasAnnotation(Metadata.PrivacyKitAnnotationNames.CiphertextFor, "Email");
            e.Property<string?>("EmailIndex").HasColumnName("mail_index").HasAnnotation(Metadata.PrivacyKitAnnotationNames.BlindIndexFor, "Email");
        });
    }
}
