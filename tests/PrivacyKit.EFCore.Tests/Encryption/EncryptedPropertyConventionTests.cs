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

    [Fact]
    public async Task Model_MemberNamedLikeTheShadowProperty_ThrowsAskingToRenameIt()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = host.CreateContext(o => new ClashContext(o));

        var e = Assert.Throws<PrivacyKitModelException>(() => context.Model);

        Assert.Contains("'EmailCiphertext'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveChanges_SubjectIdMissing_ThrowsNamingTheSubjectProperty()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = host.CreateContext(o => new LeadContext(o));
        await context.Database.EnsureCreatedAsync();
        context.Add(new Lead { Id = 1, Secret = "canary" });

        var e = await Assert.ThrowsAsync<FieldEncryptionException>(() => context.SaveChangesAsync());

        Assert.Contains("Lead.SubjectRef", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Select_EncryptedPropertyOfOwnedCollection_ThrowsAskingToProjectTheOwner()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = host.CreateContext(o => new TravellerContext(o));
        await context.Database.EnsureCreatedAsync();
        context.Add(new Traveller { Id = Guid.NewGuid(), Stops = [new Stop { Number = 1, Street = "canary row" }] });
        await context.SaveChangesAsync();

        var e = await Assert.ThrowsAsync<PrivacyKit.EFCore.Query.EncryptedQueryNotSupportedException>(() =>
            context.Set<Traveller>().Select(t => t.Stops.Select(s => s.Street).ToList()).ToListAsync());

        Assert.Contains("Stop.Street", e.Message, StringComparison.Ordinal);
        await using var reader = host.CreateContext(o => new TravellerContext(o));
        Assert.Equal("canary row", (await reader.Set<Traveller>().SingleAsync()).Stops.Single().Street);
    }

    public sealed class Clash
    {
        [DataSubjectId] public Guid Id { get; set; }

        [PersonalData(PersonalDataCategory.Contact), Encrypted] public string Email { get; set; } = "";

        public string? EmailCiphertext { get; set; }
    }

    public sealed class Lead
    {
        public int Id { get; set; }

        [DataSubjectId] public string? SubjectRef { get; set; }

        [PersonalData(PersonalDataCategory.FreeText), Encrypted] public string Secret { get; set; } = "";
    }

    public sealed class Traveller
    {
        [DataSubjectId] public Guid Id { get; set; }

        public List<Stop> Stops { get; set; } = [];
    }

    public sealed class Stop
    {
        public int Number { get; set; }

        [PersonalData(PersonalDataCategory.Location), Encrypted] public string Street { get; set; } = "";
    }

    private sealed class ClashContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Clash>();
    }

    private sealed class LeadContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Lead>().Property(x => x.Id).ValueGeneratedNever();
    }

    private sealed class TravellerContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Traveller>().OwnsMany(x => x.Stops, s =>
        {
            s.WithOwner().HasForeignKey("TravellerId");
            s.HasKey("TravellerId", nameof(Stop.Number));
            s.Property(x => x.Number).ValueGeneratedNever();
        });
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
