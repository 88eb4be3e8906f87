using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore;
using PrivacyKit.Samples.Crm.Domain;

namespace PrivacyKit.Samples.Crm.Data;

public sealed class CrmDbContext(DbContextOptions<CrmDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Contact> Contacts => Set<Contact>();

    public DbSet<Deal> Deals => Set<Deal>();

    public DbSet<Note> Notes => Set<Note>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<User> Users => Set<User>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Retrofit: PrivacyKit's data keys, consent history, subject requests, legal holds and audit trail live in the CRM's database.
        modelBuilder.AddPrivacyKitStores();
        modelBuilder.Entity<Customer>(b =>
        {
            // Retrofit: no index on the encrypted e-mail (ciphertext differs on every write); its [BlindIndex] column has one.
            b.HasIndex(c => c.OwnerId);
            b.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CustomerId);
            b.HasMany(c => c.Deals).WithOne().HasForeignKey(d => d.CustomerId);
            b.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CustomerId);
            b.HasMany(c => c.Activities).WithOne().HasForeignKey(a => a.CustomerId);
        });
        modelBuilder.Entity<Deal>().Property(d => d.Stage).HasConversion<string>();
    }
}
