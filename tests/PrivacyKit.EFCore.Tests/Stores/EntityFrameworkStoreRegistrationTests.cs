using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Consent;
using PrivacyKit.EFCore.Stores;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Keys;
using PrivacyKit.Requests;
using PrivacyKit.Retention;

namespace PrivacyKit.EFCore.Tests.Stores;

public sealed class EntityFrameworkStoreRegistrationTests
{
    [Fact]
    public async Task AddEntityFrameworkStores_AfterTheDefaults_ReplacesEveryStore()
    {
        var services = new ServiceCollection();
        services.AddDbContext<StoreTestContext>(o => o.UseSqlite("Data Source=:memory:").ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)));
        services.AddPrivacyKit().AddInMemoryDataKeyStore().AddEntityFrameworkStores<StoreTestContext>().AddEntityFrameworkStores<StoreTestContext>();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<EntityFrameworkDataKeyStore<StoreTestContext>>(provider.GetRequiredService<IDataKeyStore>());
        Assert.IsType<EntityFrameworkConsentStore<StoreTestContext>>(provider.GetRequiredService<IConsentStore>());
        Assert.IsType<EntityFrameworkSubjectRequestStore<StoreTestContext>>(provider.GetRequiredService<ISubjectRequestStore>());
        Assert.IsType<EntityFrameworkLegalHoldStore<StoreTestContext>>(provider.GetRequiredService<ILegalHoldStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IDataKeyStore));
        Assert.Throws<ArgumentNullException>(() => EntityFrameworkPrivacyKitBuilderExtensions.AddEntityFrameworkStores<StoreTestContext>(null!));
    }

    [Fact]
    public void AddPrivacyKitStores_WithoutSchema_PrefixesTheTables()
    {
        using var context = new StoreTestContext(new DbContextOptionsBuilder<StoreTestContext>().UseSqlite("Data Source=:memory:").ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)).Options);

        Assert.Equal("privacykit_data_keys", context.Model.FindEntityType(typeof(DataKeyRow))!.GetTableName());
        Assert.Null(context.Model.FindEntityType(typeof(DataKeyRow))!.GetSchema());
        Assert.Equal("privacykit_subject_requests", context.Model.FindEntityType(typeof(SubjectRequestRow))!.GetTableName());
        Assert.Throws<ArgumentNullException>(() => PrivacyKitModelBuilderExtensions.AddPrivacyKitStores(null!));
        Assert.Throws<ArgumentException>(() => new ModelBuilder().AddPrivacyKitStores(" "));
    }

    [Fact]
    public async Task PrivacyKitDbContext_DerivedWithASchema_KeepsTheStoresInThatSchemaOnPostgres()
    {
        var provider = TestDatabase.PostgresConnectionString is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        await using var db = await TestDatabase.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<SchemaContext>(o => db.Configure(o));
        services.AddPrivacyKit().AddEntityFrameworkStores<SchemaContext>();
        await using var app = services.BuildServiceProvider();
        await using (var context = await app.GetRequiredService<IDbContextFactory<SchemaContext>>().CreateDbContextAsync())
        {
            Assert.Equal("legal_holds", context.Model.FindEntityType(typeof(LegalHoldRow))!.GetTableName());
            Assert.Equal("pk", context.Model.FindEntityType(typeof(LegalHoldRow))!.GetSchema());
            await context.Database.EnsureCreatedAsync();
        }

        await app.GetRequiredService<ILegalHoldStore>().PlaceAsync(new LegalHold { Id = "h1", SubjectId = "c1", Reason = "case 1", PlacedAt = StoreTestHost.Start, PlacedBy = "legal" });

        Assert.Equal("h1", Assert.Single(await app.GetRequiredService<ILegalHoldStore>().GetActiveAsync("c1")).Id);
        if (provider == DatabaseProvider.Postgres)
        {
            await using var connection = await db.OpenRawConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM pk.legal_holds";
            Assert.Equal(1L, Convert.ToInt64(await command.ExecuteScalarAsync()));
        }
    }

    private sealed class SchemaContext(DbContextOptions<SchemaContext> options) : PrivacyKitDbContext(options)
    {
        protected override string? Schema => "pk";
    }
}
