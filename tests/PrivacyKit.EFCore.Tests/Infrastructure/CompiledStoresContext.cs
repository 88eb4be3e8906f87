using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Tests.Encryption;

namespace PrivacyKit.EFCore.Tests.Infrastructure;

/// <summary>
/// The test CRM's customers (encrypted, blind-indexed and owned properties, notes) plus PrivacyKit's own tables, as an
/// application that keeps its data keys and audit records in its database.
/// </summary>
public sealed class CompiledStoresContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>().OwnsOne(x => x.Address);
        modelBuilder.AddPrivacyKitStores();
    }
}
