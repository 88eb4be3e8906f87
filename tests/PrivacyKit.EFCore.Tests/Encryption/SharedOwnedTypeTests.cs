using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Access;
using PrivacyKit.Classification;
using PrivacyKit.Context;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Tests.Encryption;

/// <summary>One owned CLR type used by two navigations (EF makes them shared-type entity types).</summary>
public sealed class SharedOwnedTypeTests
{
    [Fact]
    public async Task SaveAndLoad_SameOwnedTypeTwice_EncryptsBothAndMasksBoth()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite", b => b.AddAccessControl(o =>
        {
            o.TrustClaimedRoles = true;
            o.AddRole("viewer").Allow(Access.RowScope.All, "suppliers:read").WithDefaultFieldAccess(FieldAccess.Hidden);
        }));
        var supplier = new Supplier { Id = Guid.NewGuid(), Billing = new Address { Street = "1 Billing Rd", City = "Leeds" }, Shipping = new Address { Street = "2 Dock St", City = "Hull" } };
        await using (var context = host.CreateContext(o => new SupplierContext(o)))
        {
            await context.Database.EnsureCreatedAsync();
            context.Add(supplier);
            await context.SaveChangesAsync();
        }

        var key = EncryptingSaveChangesInterceptorTests.Key(host, supplier.Id);
        Assert.True(FieldCiphertext.IsEncrypted((string?)await host.ReadRawAsync("Suppliers", "Billing_Street", "Id", key)));
        Assert.True(FieldCiphertext.IsEncrypted((string?)await host.ReadRawAsync("Suppliers", "Shipping_Street", "Id", key)));
        await using (var reader = host.CreateContext(o => new SupplierContext(o)))
        {
            var loaded = await reader.Set<Supplier>().SingleAsync();
            Assert.Equal(("1 Billing Rd", "2 Dock St"), (loaded.Billing!.Street, loaded.Shipping!.Street));
        }

        using (host.Services.GetRequiredService<IPrivacyContextAccessor>().Push(new PrivacyContext(new PrivacyActor("v-1", ["viewer"]))))
        {
            await using var masked = host.CreateContext(o => new SupplierContext(o), o => o.EnforceFieldAccess<Supplier>("suppliers:read"));
            var loaded = await masked.Set<Supplier>().SingleAsync();
            Assert.Equal((null, null, null, null), (loaded.Billing!.Street, loaded.Billing.City, loaded.Shipping!.Street, loaded.Shipping.City));
        }
    }

    public sealed class Supplier
    {
        [DataSubjectId] public Guid Id { get; set; }

        public Address? Billing { get; set; }

        public Address? Shipping { get; set; }
    }

    private sealed class SupplierContext(DbContextOptions options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Supplier>(s =>
        {
            s.ToTable("Suppliers");
            s.OwnsOne(x => x.Billing);
            s.OwnsOne(x => x.Shipping);
        });
    }
}
