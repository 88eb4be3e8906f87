using Microsoft.EntityFrameworkCore;
using PrivacyKit.BlindIndexes;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Tests.Encryption;

public sealed class EncryptedPropertyConventionTests
{
    [Fact]
    public async Task Model_EncryptedPropertyInIndex_ThrowsNamingItAndBlindIndex()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = host.CreateContext(o => new IndexedContext(o));

        var e = Assert.Throws<PrivacyKitModelException>(() => context.Model);

        Assert.Contains("Indexed.Email", e.Message, StringComparison.Ordinal);
        Assert.Contains("[BlindIndex]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_UnsupportedType_ThrowsNamingTypeAndProperty()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = host.CreateContext(o => new DurationContext(o));

        var e = Assert.Throws<PrivacyKitModelException>(() => context.Model);

        Assert.Contains("Timed.Duration", e.Message, StringComparison.Ordinal);
        Assert.Contains("TimeSpan", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Model_UnknownNormaliser_ThrowsUntilRegistered()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using (var context = host.CreateContext(o => new CodedContext(o)))
        {
            var e = Assert.Throws<PrivacyKitModelException>(() => context.Model);
            Assert.Contains("'digits-only'", e.Message, StringComparison.Ordinal);
            Assert.Contains("AddBlindIndexNormalizer", e.Message, StringComparison.Ordinal);
        }

        static void Register(PrivacyKitDbContextOptionsBuilder o) => o.AddBlindIndexNormalizer("digits-only", BlindIndexNormalizers.PhoneDigits);
        await using (var context = host.CreateContext(o => new CodedContext(o), Register))
        {
            await context.Database.EnsureCreatedAsync();
            context.Add(new Coded { Id = Guid.NewGuid(), Code = "12-34" });
            await context.SaveChangesAsync();
        }

        await using var reader = host.CreateContext(o => new CodedContext(o), Register);
        Assert.Equal("12-34", (await reader.Set<Coded>().WhereEquals(c => c.Code, "1234").SingleAsync()).Code);
    }

    [Fact]
    public async Task SaveChanges_SubjectIdGeneratedByDatabase_ThrowsBeforeEncrypting()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = host.CreateContext(o => new IdentityContext(o));
        await context.Database.EnsureCreatedAsync();
        context.Add(new Numbered { Secret = "canary" });

        var e = await Assert.ThrowsAsync<FieldEncryptionException>(() => context.SaveChangesAsync());

        Assert.Contains("Numbered.Id", e.Message, StringComparison.Ordinal);
        Assert.Contains("client-generated", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveChanges_OwnedTypeWhoseOwnerSubjectIsNotItsKey_ThrowsSayingWhatToChange()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = host.CreateContext(o => new OwnerContext(o));
        await context.Database.EnsureCreatedAsync();
        context.Add(new Owner { Id = 1, SubjectId = Guid.NewGuid(), Place = new Place { Street = "canary lane" } });

        var e = await Assert.ThrowsAsync<PrivacyKitModelException>(() => context.SaveChangesAsync());

        Assert.Contains("Owner.SubjectId", e.Message, StringComparison.Ordinal);
        Assert.Contains("[DataSubjectId]", e.Message, StringComparison.Ordinal);
    }

    public sealed class Indexed
    {
        [DataSubjectId] public Guid Id { get; set; }

        [PersonalData(PersonalDataCategory.Contact), Encrypted] public string Email { get; set; } = "";
    }

    public sealed class Timed
    {
        [DataSubjectId] public Guid Id { get; set; }

        [PersonalData(PersonalDataCategory.Behavioural), Encrypted] public TimeSpan Duration { get; set; }
    }

    public sealed class Coded
    {
        [DataSubjectId] public Guid Id { get; set; }

        [PersonalData(PersonalDataCategory.Identifier), Encrypted, BlindIndex(Normaliser = "digits-only")] public string Code { get; set; } = "";
    }

    public sealed class Numbered
    {
        [DataSubjectId] public int Id { get; set; }

        [PersonalData(PersonalDataCategory.FreeText), Encrypted] public string Secret { get; set; } = "";
    }

    public sealed class Owner
    {
        public int Id { get; set; }

        [DataSubjectId] public Guid SubjectId { get; set; }

        public Place? Place { get; set; }
    }

    public sealed class Place
    {
        [PersonalData(PersonalDataCategory.Location), Encrypted] public string Street { get; set; } = "";
    }

    private sealed class IndexedContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Indexed>().HasIndex(x => x.Email);
    }

    private sealed class DurationContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Timed>();
    }

    private sealed class CodedContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Coded>();
    }

    private sealed class IdentityContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Numbered>();
    }

    private sealed class OwnerContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Owner>(o =>
        {
            o.Property(x => x.Id).ValueGeneratedNever();
            o.OwnsOne(x => x.Place);
        });
    }
}
