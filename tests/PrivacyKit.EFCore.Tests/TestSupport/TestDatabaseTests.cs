using Microsoft.EntityFrameworkCore;

namespace PrivacyKit.EFCore.Tests.TestSupport;

public sealed class TestDatabaseTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task CreateAsync_EachDatabase_IsIsolated(string provider)
    {
        await using var first = await ProviderData.CreateAsync(provider);
        await using var second = await ProviderData.CreateAsync(provider);
        await using (var context = new NoteContext(first.Configure(new DbContextOptionsBuilder<NoteContext>()).Options))
        {
            await context.Database.EnsureCreatedAsync();
            context.Notes.Add(new Note { Id = 1, Text = "kept in the first database" });
            await context.SaveChangesAsync();
        }

        await using var other = new NoteContext(second.Configure(new DbContextOptionsBuilder<NoteContext>()).Options);
        await other.Database.EnsureCreatedAsync();
        Assert.Empty(await other.Notes.ToListAsync());
    }

    private sealed class Note
    {
        public int Id { get; set; }

        public string Text { get; set; } = "";
    }

    private sealed class NoteContext(DbContextOptions<NoteContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }
}
