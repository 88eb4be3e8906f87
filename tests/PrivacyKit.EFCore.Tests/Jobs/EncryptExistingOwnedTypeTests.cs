using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.Jobs;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Tests.Jobs;

/// <summary>
/// The column jobs encrypt owned types stored in their owner's table as the save interceptor does: bound to the owned
/// type's name and the owner's data subject (read through the ownership key).
/// </summary>
public sealed class EncryptExistingOwnedTypeTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EncryptExistingAsync_OwnedTypeInOwnersTable_EncryptsUnderOwnersSubjectAndLoads(string provider)
    {
        await using var database = await ProviderData.CreateAsync(provider);
        var services = new ServiceCollection().AddLogging();
        using var kek = new InMemoryKeyEncryptionKey();
        services.AddPrivacyKit().AddKeyEncryptionKey(kek).AddInMemoryDataKeyStore().AddEntityFrameworkJobs<OwnedContext>();
        services.AddDbContext<OwnedContext>((sp, o) => database.Configure(o).UsePrivacyKit(sp)
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)));
        await using var app = services.BuildServiceProvider();
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid() };
        await using (var scope = app.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OwnedContext>();
            await db.Database.EnsureCreatedAsync();
            foreach (var (id, i) in ids.Select((id, i) => (id, i)))
            {
                var key = database.Provider == DatabaseProvider.Sqlite ? (object)id.ToString("D").ToUpperInvariant() : id;
                await db.Database.ExecuteSqlRawAsync("INSERT INTO people (\"Id\", \"Address_Street\", \"Address_City\") VALUES ({0}, {1}, 'Berlin')", key, $"street-{i}");
            }
        }

        var result = await app.GetRequiredService<IPrivacyKitJobs>().EncryptExistingAsync();

        Assert.Equal((2L, 2L), (result.Examined, result.Changed));
        await using (var scope = app.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OwnedContext>();
            var stored = await db.People.AsNoTracking().OrderBy(p => p.Address!.City).Select(p => new { p.Id, Street = EF.Property<string>(p.Address!, "StreetCiphertext") }).ToListAsync();
            var encryptor = app.GetRequiredService<IFieldEncryptor>();
            foreach (var row in stored)
            {
                Assert.True(FieldCiphertext.IsEncrypted(row.Street));
                var street = await encryptor.DecryptAsync<string>(FieldCiphertext.FromText(row.Street), EncryptionContext.ForSubject(nameof(OwnedAddress), nameof(OwnedAddress.Street), row.Id.ToString("D")));
                Assert.Equal($"street-{Array.IndexOf(ids, row.Id)}", street);
            }

            var people = await db.People.AsNoTracking().ToListAsync();
            Assert.Equal(ids.Select((_, i) => $"street-{i}").Order(), people.Select(p => p.Address!.Street).Order());
        }
    }

    public sealed class OwnedContext(DbContextOptions<OwnedContext> options) : DbContext(options)
    {
        public DbSet<OwnedPerson> People => Set<OwnedPerson>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<OwnedPerson>(e =>
            {
                e.ToTable("people");
                e.OwnsOne(p => p.Address);
            });
    }

    public sealed class OwnedPerson
    {
        [DataSubjectId]
        public Guid Id { get; set; } = Guid.NewGuid();

        public OwnedAddress? Address { get; set; }
    }

    public sealed class OwnedAddress
    {
        [PersonalData(PersonalDataCategory.Location), Encrypted]
        public string? Street { get; set; }

        public string City { get; set; } = "";
    }
}
