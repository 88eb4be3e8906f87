using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Query;
using PrivacyKit.EFCore.Tests.Encryption;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Query;

public sealed class EncryptedQueryInterceptorTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Select_EncryptedPropertiesInFinalProjection_AreDecrypted(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var customer = await host.SeedAsync();
        await using var context = host.CreateContext();

        Assert.Equal(["ann.canary@example.org"], await context.Customers.Select(c => c.Email).ToListAsync());
        var shaped = await context.Customers.AsNoTracking()
            .Select(c => new { c.Id, c.Email, c.Phone, Street = c.Address!.Street, c.CreditLimit, IsAnn = c.Email == "ann.canary@example.org" })
            .SingleAsync();
        Assert.Equal((customer.Id, customer.Email, customer.Phone, "1 Canary Wharf", 1234.56m, true), (shaped.Id, shaped.Email, shaped.Phone, shaped.Street, shaped.CreditLimit, shaped.IsAnn));

        var throughNavigation = await context.Notes.OrderBy(n => n.Priority).Select(n => new { n.Text, n.Customer!.Email }).ToListAsync();
        Assert.Equal([("likes canaries", customer.Email), ("call back", customer.Email)], throughNavigation.Select(n => (n.Text, n.Email)));

        var nested = await context.Customers.Select(c => new { c.Name, Notes = c.Notes.OrderBy(n => n.Priority).Select(n => n.Text).ToList() }).SingleAsync();
        Assert.Equal(["likes canaries", "call back"], nested.Notes);

        Assert.Equal("1 Canary Wharf", context.Customers.Select(c => c.Address!.Street).First());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Queries_EncryptedPropertyInDatabaseOperators_ThrowNamingPropertyAndWhereEquals(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        await host.SeedAsync();
        await using var context = host.CreateContext();
        var value = "ann.canary@example.org";

        var refused = new Func<Task>[]
        {
            () => context.Customers.Where(c => c.Email == value).ToListAsync(),
            () => context.Customers.OrderBy(c => c.Phone).ToListAsync(),
            () => context.Customers.GroupBy(c => c.Email).Select(g => g.Key).ToListAsync(),
            () => context.Customers.FirstOrDefaultAsync(c => c.Email == value),
            () => context.Customers.Join(context.Notes, c => c.Email, n => n.Text, (c, n) => c.Id).ToListAsync(),
            () => context.Notes.Where(n => n.Customer!.Email == value).ToListAsync(),
            () => context.Customers.Where(c => c.Notes.Any(n => n.Text == value)).ToListAsync(),
            () => context.Customers.Where(c => c.Address!.Street == value).ToListAsync(),
        };

        foreach (var query in refused)
        {
            var e = await Assert.ThrowsAsync<EncryptedQueryNotSupportedException>(query);
            Assert.Contains("WhereEquals", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("canary", e.Message, StringComparison.Ordinal);
            Assert.Matches(@"(Customer\.(Email|Phone)|Note\.Text|Address\.Street) is encrypted", e.Message);
        }
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Select_ComposedAfterProjection_ThrowsAskingToMoveTheSelect(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        await host.SeedAsync();
        await using var context = host.CreateContext();

        var e = await Assert.ThrowsAsync<EncryptedQueryNotSupportedException>(() =>
            context.Customers.Select(c => new { c.Id, c.Email }).Where(x => x.Id != Guid.Empty).ToListAsync());

        Assert.Contains("Customer.Email", e.Message, StringComparison.Ordinal);
        Assert.Contains("final projection", e.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ExecuteUpdate_ProtectedProperty_IsRefusedAndClearPropertyStillWorks(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var customer = await host.SeedAsync();
        await using var context = host.CreateContext();

        var direct = await Assert.ThrowsAsync<EncryptedQueryNotSupportedException>(() =>
            context.Customers.ExecuteUpdateAsync(s => s.SetProperty(c => c.Phone, "+1 555 0199")));
        var shadow = await Assert.ThrowsAsync<EncryptedQueryNotSupportedException>(() =>
            context.Customers.ExecuteUpdateAsync(s => s.SetProperty(c => EF.Property<string>(c, "EmailBlindIndex"), "x")));
        var source = await Assert.ThrowsAsync<EncryptedQueryNotSupportedException>(() =>
            context.Customers.ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, c => c.Email)));
        Assert.Contains("Customer.Phone", direct.Message, StringComparison.Ordinal);
        Assert.Contains("Customer.Email", shadow.Message, StringComparison.Ordinal);
        Assert.Contains("Customer.Email", source.Message, StringComparison.Ordinal);

        Assert.Equal(1, await context.Customers.Where(c => c.Id == customer.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Name, "Renamed")));
        Assert.Equal(2, await context.Notes.Where(n => n.CustomerId == customer.Id).ExecuteDeleteAsync());
        await using var reader = host.CreateContext();
        var loaded = await reader.Customers.SingleAsync();
        Assert.Equal(("Renamed", customer.Email), (loaded.Name, loaded.Email));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Queries_ClearPropertiesAndWholeEntities_StillTranslate(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var customer = await host.SeedAsync();
        await using var context = host.CreateContext();

        var loaded = await context.Customers.Include(c => c.Notes).Where(c => c.Name == "Ann Canary").OrderBy(c => c.AccountCode).SingleAsync();
        Assert.Equal(customer.Email, loaded.Email);
        Assert.Equal(2, loaded.Notes.Count);
        Assert.All(loaded.Notes, n => Assert.NotEmpty(n.Text));
        Assert.Equal(1, await context.Customers.CountAsync(c => c.AccountCode == "A-1"));
    }

    [Fact]
    public async Task CompiledQueries_AreRewrittenAndRefusedLikeOthers()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        var customer = await host.SeedAsync();
        var emails = EF.CompileAsyncQuery((CrmContext db, Guid id) => db.Customers.Where(c => c.Id == id).Select(c => c.Email).Single());
        var filtered = EF.CompileAsyncQuery((CrmContext db, string email) => db.Customers.Count(c => c.Email == email));
        await using var context = host.CreateContext();

        Assert.Equal(customer.Email, await emails(context, customer.Id));
        await Assert.ThrowsAsync<EncryptedQueryNotSupportedException>(() => filtered(context, customer.Email));
    }
}
