using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Access;
using PrivacyKit.Classification;
using PrivacyKit.Context;
using PrivacyKit.EFCore.Tests.Encryption;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Masking;

public sealed class FieldMaskingTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Load_SupportActor_MasksContactAndHidesFinancialAndLocation(string provider)
    {
        await using var host = await CreateHostAsync(provider);
        var ann = await host.SeedAsync();
        using (Push(host))
        {
            await using var context = host.CreateContext(Configure);
            var loaded = await context.Customers.SingleAsync();
            Assert.NotEqual(ann.Email, loaded.Email);
            Assert.EndsWith("@example.org", loaded.Email, StringComparison.Ordinal);
            Assert.Contains("***", loaded.Email, StringComparison.Ordinal);
            Assert.Equal("***0958", loaded.Phone);
            Assert.Equal(0m, loaded.CreditLimit);
            Assert.Null(loaded.Address!.Street);
            Assert.Null(loaded.Address.City);
            Assert.Equal(ann.Name, loaded.Name);
            Assert.Equal(ann.BirthDate, loaded.BirthDate);
            Assert.Equal(ann.Id, loaded.Id);

            // Projections read the loaded (masked) entity, so they cannot bypass the mask.
            Assert.Equal(loaded.Email, await context.Customers.AsNoTracking().Select(c => c.Email).SingleAsync());
            var clear = await context.Customers.AsNoTracking().Select(c => new { c.Name, c.Address!.City }).SingleAsync();
            Assert.Equal((ann.Name, (string?)null), (clear.Name, clear.City));
        }

        await using var unmasked = host.CreateContext(Configure);
        Assert.Equal(ann.Email, (await unmasked.Customers.SingleAsync()).Email);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChanges_MaskedEntity_NeverOverwritesStoredValues(string provider)
    {
        await using var host = await CreateHostAsync(provider);
        var ann = await host.SeedAsync();
        Customer detached;
        using (Push(host))
        {
            await using (var context = host.CreateContext(Configure))
            {
                var loaded = await context.Customers.SingleAsync();
                loaded.Name = "Ann Renamed";
                loaded.Email = "attempt@example.org";
                await context.SaveChangesAsync();
            }

            await using (var context = host.CreateContext(Configure))
            {
                detached = await context.Customers.AsNoTracking().SingleAsync();
            }

            await using (var context = host.CreateContext(Configure))
            {
                detached.BirthDate = new DateOnly(1999, 9, 9);
                context.Customers.Update(detached);
                await context.SaveChangesAsync();
            }
        }

        await using var reader = host.CreateContext(Configure);
        var stored = await reader.Customers.SingleAsync();
        Assert.Equal("Ann Renamed", stored.Name);
        Assert.Equal(new DateOnly(1999, 9, 9), stored.BirthDate);
        Assert.Equal(ann.Email, stored.Email);
        Assert.Equal(ann.Phone, stored.Phone);
        Assert.Equal(ann.CreditLimit, stored.CreditLimit);
        Assert.Equal(ann.Address!.Street, stored.Address!.Street);
        Assert.Equal(ann.Address.City, stored.Address.City);
        Assert.DoesNotContain("canary", host.AllLogText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Load_EntityWithoutFieldAccessMapping_IsNotMasked()
    {
        await using var host = await CreateHostAsync("Sqlite");
        var ann = await host.SeedAsync();
        using (Push(host))
        {
            await using var context = host.CreateContext();
            Assert.Equal(ann.Email, (await context.Customers.SingleAsync()).Email);
        }
    }

    private static void Configure(PrivacyKit.EFCore.Infrastructure.PrivacyKitDbContextOptionsBuilder o) =>
        o.EnforceFieldAccess<Customer>("customers:read");

    private static IDisposable Push(EfTestHost host) =>
        host.Services.GetRequiredService<IPrivacyContextAccessor>().Push(new PrivacyContext(new PrivacyActor("agent-1", ["support"])));

    /// <summary>An application whose "support" role sees identifiers, masked contact data and no financial or location data.</summary>
    internal static Task<EfTestHost> CreateHostAsync(string provider) =>
        EfTestHost.CreateAsync(provider, b => b.AddAccessControl(o =>
        {
            o.TrustClaimedRoles = true;
            o.AddRole("support").Allow(Access.RowScope.All, "customers:read")
                .WithFieldAccess(PrivacyClassifications.Identifier, FieldAccess.Clear)
                .WithFieldAccess(PrivacyClassifications.Contact, FieldAccess.Masked)
                .WithFieldAccess(PrivacyClassifications.Financial, FieldAccess.Hidden)
                .WithFieldAccess(PrivacyClassifications.Location, FieldAccess.Hidden);
        }));
}
