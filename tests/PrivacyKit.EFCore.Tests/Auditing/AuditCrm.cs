using System.ComponentModel.DataAnnotations.Schema;
using Microsoft.EntityFrameworkCore;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.EFCore.Stores.Audit;

namespace PrivacyKit.EFCore.Tests.Auditing;

/// <summary>A CRM-like model for the auditing tests: customers (encrypted, blind-indexed e-mail), contacts, deals.</summary>
internal sealed class AuditCrmContext(DbContextOptions<AuditCrmContext> options, bool withStore = true) : DbContext(options)
{
    public DbSet<AuditCustomer> Customers => Set<AuditCustomer>();

    public DbSet<AuditContact> Contacts => Set<AuditContact>();

    public DbSet<AuditDeal> Deals => Set<AuditDeal>();

    public bool WithStore { get; } = withStore;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditCustomer>(b =>
        {
            b.HasIndex(c => c.Code).IsUnique();
            b.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CustomerId);

            // Stored as the encryption convention stores it: the CLR property is replaced by annotated shadow properties.
            b.Ignore(c => c.Email);
            b.Property<string>("EmailCiphertext").HasColumnName("Email").HasAnnotation(PrivacyKitAnnotationNames.CiphertextFor, nameof(AuditCustomer.Email));
            b.Property<string>("EmailIndex").HasAnnotation(PrivacyKitAnnotationNames.BlindIndexFor, nameof(AuditCustomer.Email));
        });
        if (WithStore)
        {
            AuditStoreModel.Configure(modelBuilder, null);
        }
    }
}

/// <summary>Caches one model per store choice.</summary>
internal sealed class AuditCrmModelCacheKeyFactory : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), ((AuditCrmContext)context).WithStore, designTime);
}

public sealed class AuditCustomer
{
    [DataSubjectId]
    public int Id { get; set; }

    public string Code { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact)]
    public string Name { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted, BlindIndex]
    [NotMapped]
    public string? Email { get; set; }

    public string Segment { get; set; } = "retail";

    [SensitiveData]
    public string? HealthNote { get; set; }

    public List<AuditContact> Contacts { get; } = [];
}

public sealed class AuditContact
{
    public int Id { get; set; }

    [DataSubjectId]
    public int CustomerId { get; set; }

    [PersonalData(PersonalDataCategory.Contact)]
    public string Phone { get; set; } = "";
}

/// <summary>An entity without personal data: never audited.</summary>
public sealed class AuditDeal
{
    public int Id { get; set; }

    public decimal Amount { get; set; }
}
