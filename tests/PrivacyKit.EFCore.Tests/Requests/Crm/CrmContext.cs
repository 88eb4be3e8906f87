using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Tests.Requests.Crm;

/// <summary>
/// A CRM model whose encrypted e-mail is stored the way the encryption conventions store it: the CLR property is not
/// mapped; a shadow property annotated as its ciphertext is mapped to the "Email" column, and an annotated shadow
/// property holds the blind index.
/// </summary>
public sealed class CrmContext(DbContextOptions<CrmContext> options) : DbContext(options)
{
    public const string EmailCiphertext = "EmailCiphertext";
    public const string EmailIndex = "EmailIndex";

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Contact> Contacts => Set<Contact>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(e =>
        {
            e.Ignore(c => c.Email);
            e.Property<string?>(EmailCiphertext).HasColumnName("Email").HasAnnotation(PrivacyKitAnnotationNames.CiphertextFor, nameof(Customer.Email));
            e.Property<string?>(EmailIndex).HasColumnName("EmailIndex").HasAnnotation(PrivacyKitAnnotationNames.BlindIndexFor, nameof(Customer.Email));
            e.HasIndex(EmailIndex);
            e.OwnsOne(c => c.Address);
            e.HasQueryFilter(c => !c.Restricted);
        });
        modelBuilder.Entity<Contact>().HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId);
        modelBuilder.Entity<Attachment>().Property(a => a.Id).ValueGeneratedNever();
        modelBuilder.Entity<Product>().Property(p => p.Id).ValueGeneratedNever();
        modelBuilder.Entity<Deal>().Property(d => d.Amount).HasPrecision(18, 2);
    }
}
