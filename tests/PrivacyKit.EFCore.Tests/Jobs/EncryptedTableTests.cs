using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.Jobs;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Tests.Jobs;

public sealed class EncryptedTableTests
{
    [Fact]
    public void From_RetrofittedModel_FindsTheCiphertextColumnsKeyAndSubject()
    {
        using var context = new CrmJobContext(new DbContextOptionsBuilder<CrmJobContext>().UseSqlite("Data Source=:memory:").ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)).Options);

        var tables = EncryptedTable.From(context, []);

        Assert.Equal([nameof(JobCustomer), nameof(JobNote)], tables.Select(t => t.Name));
        var customers = tables[0];
        Assert.Equal("\"Customers\"", customers.Table);
        Assert.Equal("\"Id\"", customers.KeyColumn);
        Assert.Equal("\"CustomerId\"", customers.SubjectColumn);
        Assert.Equal([("BirthDate", "\"BirthDate\"", typeof(DateOnly?)), ("Email", "\"Email\"", typeof(string))], customers.Columns.Select(c => (c.PropertyName, c.Column, c.PropertyType)));
        Assert.All(customers.Columns, c => Assert.Null(c.Index));
        Assert.Null(tables[1].SubjectColumn);
        Assert.Equal("SELECT \"Id\", \"CustomerId\", \"BirthDate\", \"Email\" FROM \"Customers\" WHERE \"Id\" > @p0 ORDER BY \"Id\" LIMIT 10", customers.SelectPage(first: false, 10, "Microsoft.EntityFrameworkCore.Sqlite"));
        Assert.Equal("UPDATE \"Customers\" SET \"Email\" = @n1 WHERE \"Id\" = @k AND \"Email\" = @o1", customers.UpdateRow([1], withIndexes: true));
    }

    [Fact]
    public async Task EncryptExistingAsync_EntityWithACompositeKey_SaysWhichEntityAndWhatToDo()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<CompositeContext>(o => db.Configure(o));
        using var kek = new InMemoryKeyEncryptionKey();
        services.AddPrivacyKit().AddKeyEncryptionKey(kek).AddInMemoryDataKeyStore().AddEntityFrameworkJobs<CompositeContext>();
        await using var provider = services.BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetRequiredService<IPrivacyKitJobs>().EncryptExistingAsync());

        Assert.Contains("'Visit'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("single-column", ex.Message, StringComparison.Ordinal);
        Assert.Contains("PrivacyKitJobOptions.EntityTypes", ex.Message, StringComparison.Ordinal);
    }

    private sealed class Visit
    {
        public int StoreId { get; set; }

        public int Number { get; set; }

        [PersonalData(PersonalDataCategory.FreeText), Encrypted]
        public string? Comment { get; set; }
    }

    private sealed class CompositeContext(DbContextOptions<CompositeContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Visit>(e =>
        {
            e.HasKey(v => new { v.StoreId, v.Number });
            e.Ignore(v => v.Comment);
            e.Property<string?>("CommentCiphertext").HasColumnName("Comment").HasAnnotation(PrivacyKitAnnotationNames.CiphertextFor, nameof(Visit.Comment));
        });
    }
}
