using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PrivacyKit.Classification;

namespace PrivacyKit.EFCore.Tests.Encryption;

/// <summary>A small CRM retrofitted with PrivacyKit attributes: customers (with an owned address), notes, deals.</summary>
public sealed class Customer
{
    [DataSubjectId]
    public Guid Id { get; set; }

    /// <summary>A clear business key with a unique index, to make a save fail on purpose.</summary>
    public string AccountCode { get; set; } = "";

    [PersonalData(PersonalDataCategory.Identifier)]
    public string Name { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted, BlindIndex(Normaliser = "email"), MaxLength(100)]
    public string Email { get; set; } = "";

    [PersonalData(PersonalDataCategory.Contact), Encrypted]
    public string? Phone { get; set; }

    [PersonalData(PersonalDataCategory.Financial), Encrypted]
    public decimal CreditLimit { get; set; }

    [PersonalData(PersonalDataCategory.Identifier), Encrypted]
    public DateOnly? BirthDate { get; set; }

    public Address? Address { get; set; }

    public List<Note> Notes { get; set; } = [];
}

/// <summary>Owned by <see cref="Customer"/>: takes its data subject from the owner's key.</summary>
public sealed class Address
{
    [PersonalData(PersonalDataCategory.Location), Encrypted, MaxLength(200)]
    public string Street { get; set; } = "";

    [PersonalData(PersonalDataCategory.Location)]
    public string City { get; set; } = "";
}

public sealed class Note
{
    public Guid Id { get; set; }

    [DataSubjectId]
    public Guid CustomerId { get; set; }

    public Customer? Customer { get; set; }

    [PersonalData(PersonalDataCategory.FreeText), Encrypted]
    public string Text { get; set; } = "";

    public int Priority { get; set; }
}

/// <summary>An entity with no data subject: encrypted under the entity's own key.</summary>
public sealed class Deal
{
    public int Id { get; set; }

    [PersonalData(PersonalDataCategory.Financial), Encrypted]
    public string Terms { get; set; } = "";

    public decimal Amount { get; set; }
}

public sealed class CrmContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<Deal> Deals => Set<Deal>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(c =>
        {
            c.HasIndex(x => x.AccountCode).IsUnique();
            c.Property(x => x.Phone).HasColumnName("PhoneNumber").HasMaxLength(30);
            c.OwnsOne(x => x.Address);
        });
        modelBuilder.Entity<Deal>().Property(x => x.Id).ValueGeneratedNever();
    }
}
