using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.EFCore.Tests.Encryption;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.BlindIndexes;

public sealed class BlindIndexQueryableExtensionsTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task WhereEquals_NormalisedValue_FindsOnlyTheMatchingCustomer(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var ann = await host.SeedAsync();
        await using (var context = host.CreateContext())
        {
            context.Customers.Add(EfTestHost.NewCustomer("bob@example.org", "B-1"));
            await context.SaveChangesAsync();
        }

        await using var reader = host.CreateContext();
        var found = await reader.Customers.WhereEquals(c => c.Email, "  ANN.Canary@Example.org ").ToListAsync();
        Assert.Equal([ann.Id], found.Select(c => c.Id));
        Assert.Equal(ann.Email, found[0].Email);

        // Composes with other operators, also when it is not first.
        Assert.Equal(1, await reader.Customers.AsNoTracking().Where(c => c.AccountCode == "B-1").WhereEquals(c => c.Email, "bob@example.org").CountAsync());
        Assert.Empty(await reader.Customers.WhereEquals(c => c.Email, "nobody@example.org").ToListAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task WhereEquals_AfterEmailChanged_FindsTheNewValueOnly(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var ann = await host.SeedAsync();
        await using (var context = host.CreateContext())
        {
            var loaded = await context.Customers.WhereEquals(c => c.Email, ann.Email).SingleAsync();
            loaded.Email = "ann.new@example.org";
            await context.SaveChangesAsync();
        }

        await using var reader = host.CreateContext();
        Assert.Empty(await reader.Customers.WhereEquals(c => c.Email, ann.Email).ToListAsync());
        Assert.Single(await reader.Customers.WhereEquals(c => c.Email, "ann.new@example.org").ToListAsync());
        var stored = (string?)await host.ReadRawAsync("Customers", "EmailBlindIndex", "Id", EncryptingSaveChangesInterceptorTests.Key(host, ann.Id));
        Assert.False(string.IsNullOrEmpty(stored));
        Assert.DoesNotContain("ann", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhereEquals_PropertyWithoutBlindIndex_ThrowsArgumentExceptionNamingIt()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = await host.CreateSchemaAsync();

        var e = Assert.Throws<ArgumentException>(() => context.Customers.WhereEquals(c => c.Phone, "+44"));

        Assert.Equal("property", e.ParamName);
        Assert.Contains("Customer.Phone", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => context.Customers.WhereEquals(c => c.Email.Length, 3));
        Assert.Throws<ArgumentNullException>(() => context.Customers.WhereEquals<Customer, string>(null!, "x"));
    }

    [Fact]
    public void WhereEquals_QueryNotFromAPrivacyKitContext_ThrowsArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => new List<Customer>().AsQueryable().WhereEquals(c => c.Email, "a@b.c"));
        Assert.Equal("source", e.ParamName);
    }

    [Fact]
    public async Task Model_BlindIndexColumn_IsIndexedAndAnnotated()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = host.CreateContext();
        var entityType = context.Model.FindEntityType(typeof(Customer))!;

        var index = entityType.FindProperty("EmailBlindIndex")!;
        Assert.Equal("Email", index.FindAnnotation(PrivacyKitAnnotationNames.BlindIndexFor)?.Value);
        Assert.Contains(entityType.GetIndexes(), i => i.Properties.Count == 1 && i.Properties[0] == index);
        Assert.Equal("EmailBlindIndex", PrivacyEntityMetadata.For(entityType)!.Find("Email")!.BlindIndexProperty);
    }
}
