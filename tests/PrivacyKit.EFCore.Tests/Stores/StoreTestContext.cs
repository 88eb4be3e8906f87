using Microsoft.EntityFrameworkCore;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>An application context that holds PrivacyKit's stores next to a table of its own.</summary>
internal sealed class StoreTestContext(DbContextOptions<StoreTestContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddPrivacyKitStores();

    public sealed class Note
    {
        public int Id { get; set; }

        public string Text { get; set; } = "";
    }
}
