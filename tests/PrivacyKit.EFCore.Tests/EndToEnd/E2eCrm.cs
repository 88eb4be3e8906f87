using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PrivacyKit.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit.EFCore.Tests.EndToEnd;

/// <summary>
/// The CRM as a user writes it: attributes on the entities, <c>AddPrivacyKitStores()</c> in OnModelCreating, nothing
/// else PrivacyKit-specific (UsePrivacyKit comes from the registration).
/// </summary>
public sealed class E2eCrmContext(DbContextOptions<E2eCrmContext> options) : DbContext(options)
{
    public DbSet<E2eCustomer> Customers => Set<E2eCustomer>();

    public DbSet<E2eContact> Contacts => Set<E2eContact>();

    public DbSet<E2eDeal> Deals => Set<E2eDeal>();

    public DbSet<E2eNote> Notes => Set<E2eNote>();

    public DbSet<E2eActivity> Activities => Set<E2eActivity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddPrivacyKitStores();
        modelBuilder.Entity<E2eCustomer>(e =>
        {
            e.ToTable("customers");
            e.HasMany(c => c.Contacts).WithOne().HasForeignKey(x => x.CustomerId);
            e.HasMany(c => c.Deals).WithOne().HasForeignKey(x => x.CustomerId);
            e.HasMany(c => c.Notes).WithOne().HasForeignKey(x => x.CustomerId);
            e.HasMany(c => c.Activities).WithOne().HasForeignKey(x => x.CustomerId);
        });
        modelBuilder.Entity<E2eContact>().ToTable("contacts");
        modelBuilder.Entity<E2eDeal>().ToTable("deals");
        modelBuilder.Entity<E2eNote>().ToTable("notes");
        modelBuilder.Entity<E2eActivity>().ToTable("activities");
    }
}

public sealed class E2eCustomer
{
    [DataSubjectId]
    public Guid Id { get; set; } = Guid.NewGuid();

    public string OwnerId { get; set; } = "";

    [PersonalData(PersonalDataCategory.Identifier)]
    public string Name { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted, BlindIndex(Normaliser = "email"), MaxLength(120)]
    [Retention("P2Y", From = nameof(LastContactAt))]
    public string? Email { get; set; }

    public DateTimeOffset? LastContactAt { get; set; }

    [SensitiveData, Encrypted]
    public string? HealthNote { get; set; }

    public List<E2eContact> Contacts { get; set; } = [];

    public List<E2eDeal> Deals { get; set; } = [];

    public List<E2eNote> Notes { get; set; } = [];

    public List<E2eActivity> Activities { get; set; } = [];
}

/// <summary>A person at the customer, stored under the customer's subject.</summary>
public sealed class E2eContact
{
    public Guid Id { get; set; } = Guid.NewGuid();

    [DataSubjectId]
    public Guid CustomerId { get; set; }

    [PersonalData(PersonalDataCategory.Identifier)]
    public string FullName { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted, BlindIndex(Normaliser = "phone")]
    public string? Phone { get; set; }
}

public sealed class E2eDeal
{
    public Guid Id { get; set; } = Guid.NewGuid();

    [DataSubjectId]
    public Guid CustomerId { get; set; }

    public string Title { get; set; } = "";

    [PersonalData(PersonalDataCategory.Financial), Encrypted]
    public decimal Amount { get; set; }
}

public sealed class E2eNote
{
    public Guid Id { get; set; } = Guid.NewGuid();

    [DataSubjectId]
    public Guid CustomerId { get; set; }

    [PersonalData(PersonalDataCategory.FreeText), Encrypted]
    public string Text { get; set; } = "";
}

/// <summary>Found through its foreign key only (no subject id of its own); its personal field is clear.</summary>
public sealed class E2eActivity
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid CustomerId { get; set; }

    [PersonalData(PersonalDataCategory.Behavioural)]
    public string Summary { get; set; } = "";
}
