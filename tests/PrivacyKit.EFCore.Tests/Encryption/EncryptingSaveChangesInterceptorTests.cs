using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Tests.Encryption;

public sealed class EncryptingSaveChangesInterceptorTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChangesAsync_NewCustomer_StoresCiphertextAndKeepsPlaintextOnObject(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var customer = EfTestHost.NewCustomer();
        await using (var context = await host.CreateSchemaAsync())
        {
            context.Customers.Add(customer);
            await context.SaveChangesAsync();
            Assert.Equal("ann.canary@example.org", customer.Email);
            Assert.Equal("1 Canary Wharf", customer.Address!.Street);
        }

        var email = (string?)await host.ReadRawAsync("Customers", "Email", "Id", Key(host, customer.Id));
        var phone = (string?)await host.ReadRawAsync("Customers", "PhoneNumber", "Id", Key(host, customer.Id));
        var street = (string?)await host.ReadRawAsync("Customers", "Address_Street", "Id", Key(host, customer.Id));
        foreach (var stored in new[] { email, phone, street })
        {
            Assert.NotNull(stored);
            Assert.True(FieldCiphertext.IsEncrypted(stored));
            Assert.DoesNotContain("canary", stored, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal("Ann Canary", await host.ReadRawAsync("Customers", "Name", "Id", Key(host, customer.Id)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChanges_Sync_RoundTripsEveryEncryptedProperty(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var customer = EfTestHost.NewCustomer();
        using (var context = host.CreateContext())
        {
            context.Database.EnsureCreated();
            context.Customers.Add(customer);
            context.SaveChanges();
        }

        using var reader = host.CreateContext();
        var loaded = reader.Customers.Single(c => c.Id == customer.Id);
        Assert.Equal(customer.Email, loaded.Email);
        Assert.Equal(customer.Phone, loaded.Phone);
        Assert.Equal(customer.CreditLimit, loaded.CreditLimit);
        Assert.Equal(customer.BirthDate, loaded.BirthDate);
        Assert.Equal(customer.Address!.Street, loaded.Address!.Street);
        Assert.Equal(customer.Address.City, loaded.Address.City);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChangesAsync_ChangedPlaintext_ReencryptsOnlyThatProperty(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var customer = EfTestHost.NewCustomer();
        await using (var context = await host.CreateSchemaAsync())
        {
            context.Customers.Add(customer);
            await context.SaveChangesAsync();
        }

        var phoneBefore = await host.ReadRawAsync("Customers", "PhoneNumber", "Id", Key(host, customer.Id));
        var emailBefore = await host.ReadRawAsync("Customers", "Email", "Id", Key(host, customer.Id));
        await using (var context = host.CreateContext())
        {
            var loaded = await context.Customers.SingleAsync(c => c.Id == customer.Id);
            loaded.Email = "new.canary@example.org";
            Assert.Equal(1, await context.SaveChangesAsync());
            Assert.Equal("new.canary@example.org", loaded.Email);

            // Nothing changed since: nothing is written.
            Assert.Equal(0, await context.SaveChangesAsync());
        }

        Assert.Equal(phoneBefore, await host.ReadRawAsync("Customers", "PhoneNumber", "Id", Key(host, customer.Id)));
        Assert.NotEqual(emailBefore, await host.ReadRawAsync("Customers", "Email", "Id", Key(host, customer.Id)));
        await using var reader = host.CreateContext();
        Assert.Equal("new.canary@example.org", (await reader.Customers.SingleAsync(c => c.Id == customer.Id)).Email);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChangesAsync_UniqueViolation_KeepsPlaintextAndSavesAfterFix(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        await using (var context = await host.CreateSchemaAsync())
        {
            context.Customers.Add(EfTestHost.NewCustomer("first@example.org", "DUP"));
            await context.SaveChangesAsync();
        }

        await using (var context = host.CreateContext())
        {
            var second = EfTestHost.NewCustomer("second.canary@example.org", "DUP");
            context.Customers.Add(second);
            var failure = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
            Assert.DoesNotContain("canary", failure.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal("second.canary@example.org", second.Email);
            Assert.Equal("1 Canary Wharf", second.Address!.Street);

            second.AccountCode = "UNIQUE";
            second.Phone = "+1 555 0100";
            await context.SaveChangesAsync();
            Assert.Equal("second.canary@example.org", second.Email);
        }

        await using var reader = host.CreateContext();
        var loaded = await reader.Customers.SingleAsync(c => c.AccountCode == "UNIQUE");
        Assert.Equal("second.canary@example.org", loaded.Email);
        Assert.Equal("+1 555 0100", loaded.Phone);
        Assert.Equal("1 Canary Wharf", loaded.Address!.Street);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChanges_SyncUniqueViolation_KeepsPlaintextAndSavesAfterFix(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        await host.SeedAsync("first@example.org");
        using (var context = host.CreateContext())
        {
            var second = EfTestHost.NewCustomer("second.canary@example.org", "A-1");
            context.Customers.Add(second);
            Assert.Throws<DbUpdateException>(() => context.SaveChanges());
            Assert.Equal("second.canary@example.org", second.Email);

            second.AccountCode = "A-2";
            second.Email = "changed.canary@example.org";
            context.SaveChanges();
            Assert.Equal("changed.canary@example.org", second.Email);
        }

        using var reader = host.CreateContext();
        Assert.Equal("changed.canary@example.org", reader.Customers.Single(c => c.AccountCode == "A-2").Email);
        Assert.DoesNotContain("canary", host.AllLogText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChangesAsync_DetachedEntityUpdated_EncryptsEverything(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var customer = EfTestHost.NewCustomer();
        await using (var context = await host.CreateSchemaAsync())
        {
            context.Customers.Add(customer);
            await context.SaveChangesAsync();
        }

        var detached = EfTestHost.NewCustomer("detached@example.org");
        detached.Id = customer.Id;
        await using (var context = host.CreateContext())
        {
            context.Customers.Update(detached);
            await context.SaveChangesAsync();
        }

        await using var reader = host.CreateContext();
        var loaded = await reader.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id);
        Assert.Equal("detached@example.org", loaded.Email);
        Assert.Equal(detached.Phone, loaded.Phone);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChangesAsync_ShadowPropertyClearedDirectly_StaysClearedOnLaterSaves(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var ann = await host.SeedAsync();
        await using (var context = host.CreateContext())
        {
            var loaded = await context.Customers.SingleAsync();
            context.Entry(loaded).Property("PhoneCiphertext").CurrentValue = null; // what erasure does
            await context.SaveChangesAsync();
            loaded.Name = "Erased Customer";
            await context.SaveChangesAsync();
            Assert.Equal(ann.Phone, loaded.Phone); // the object still holds what was loaded
        }

        Assert.Null(await host.ReadRawAsync("Customers", "PhoneNumber", "Id", Key(host, ann.Id)));
        await using var reader = host.CreateContext();
        var stored = await reader.Customers.SingleAsync();
        Assert.Null(stored.Phone);
        Assert.Equal("Erased Customer", stored.Name);
        Assert.Equal(ann.Email, stored.Email);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChangesAsync_TooLongPlaintext_ThrowsNamingEntityAndPropertyBeforeWriting(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        await using var context = await host.CreateSchemaAsync();
        var customer = EfTestHost.NewCustomer(new string('x', 95) + "canary@x");
        context.Customers.Add(customer);

        var e = await Assert.ThrowsAsync<PrivacyKit.EFCore.Encryption.EncryptedValueTooLongException>(() => context.SaveChangesAsync());

        Assert.Contains("Customer.Email", e.Message, StringComparison.Ordinal);
        Assert.Contains("100", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", e.Message, StringComparison.Ordinal);

        // The limit configured with HasMaxLength counts the same way.
        customer.Email = "ok@example.org";
        customer.Phone = new string('9', 31);
        var fluent = await Assert.ThrowsAsync<PrivacyKit.EFCore.Encryption.EncryptedValueTooLongException>(() => context.SaveChangesAsync());
        Assert.Contains("Customer.Phone", fluent.Message, StringComparison.Ordinal);
        await using var reader = host.CreateContext();
        Assert.Equal(0, await reader.Customers.CountAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChangesAsync_EntityWithoutSubject_UsesEntityScope(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        await using (var context = await host.CreateSchemaAsync())
        {
            context.Deals.Add(new Deal { Id = 7, Terms = "net 30, canary", Amount = 10 });
            await context.SaveChangesAsync();
        }

        var stored = (string)(await host.ReadRawAsync("Deals", "Terms", "Id", 7))!;
        Assert.True(FieldCiphertext.TryGetKeyReference(stored, out _));
        await using var reader = host.CreateContext();
        Assert.Equal("net 30, canary", (await reader.Deals.SingleAsync()).Terms);
    }

    internal static object Key(EfTestHost host, Guid id) =>
        host.Database.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;
}
