using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Keys;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Tests.Encryption;

/// <summary>What is really in the database, read and written with ADO.NET behind EF's back.</summary>
public sealed class RawDatabaseTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task CiphertextCopiedToAnotherRow_LoadFailsWithContextMismatch(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var ann = await host.SeedAsync("ann.canary@example.org");
        var bob = EfTestHost.NewCustomer("bob@example.org", "B-1");
        await using (var context = host.CreateContext())
        {
            context.Customers.Add(bob);
            await context.SaveChangesAsync();
        }

        var annKey = EncryptingSaveChangesInterceptorTests.Key(host, ann.Id);
        var bobKey = EncryptingSaveChangesInterceptorTests.Key(host, bob.Id);
        var annEmail = (string)(await host.ReadRawAsync("Customers", "Email", "Id", annKey))!;
        Assert.DoesNotContain("canary", annEmail, StringComparison.Ordinal);
        Assert.True(FieldCiphertext.TryGetKeyReference(annEmail, out _));
        await host.ExecuteRawAsync("UPDATE \"Customers\" SET \"Email\" = @email WHERE \"Id\" = @id", ("email", annEmail), ("id", bobKey));

        await using var reader = host.CreateContext();
        var e = await Assert.ThrowsAsync<EncryptionContextMismatchException>(() => reader.Customers.SingleAsync(c => c.AccountCode == "B-1"));
        Assert.DoesNotContain("canary", e.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ann.Email, (await reader.Customers.SingleAsync(c => c.AccountCode == "A-1")).Email);

        // Copying into another column of the same row fails the same way (the property is bound too).
        await host.ExecuteRawAsync("UPDATE \"Customers\" SET \"PhoneNumber\" = @email WHERE \"Id\" = @id", ("email", annEmail), ("id", annKey));
        await using var again = host.CreateContext();
        await Assert.ThrowsAsync<EncryptionContextMismatchException>(() => again.Customers.SingleAsync(c => c.AccountCode == "A-1"));
        Assert.DoesNotContain("canary", host.AllLogText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EveryCoreType_TextAndBinaryStorage_RoundTripsAndIsStoredEncrypted(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        foreach (var storage in new[] { CiphertextStorage.Text, CiphertextStorage.Binary })
        {
            var full = Full();
            var empty = new TypeSample { Id = Guid.NewGuid(), Text = "", Bytes = [] };
            await using (var context = host.CreateContext(o => new TypeSampleContext(o), o => o.StoreCiphertextAs(storage)))
            {
                await context.Database.EnsureDeletedAsync(); // PostgreSQL: recreate with binary columns (SQLite stores either in any column)
                await context.Database.EnsureCreatedAsync();
                context.Samples.AddRange(full, empty);
                await context.SaveChangesAsync();
            }

            await using (var reader = host.CreateContext(o => new TypeSampleContext(o), o => o.StoreCiphertextAs(storage)))
            {
                var loaded = await reader.Samples.AsNoTracking().SingleAsync(s => s.Id == full.Id);
                Assert.Equivalent(full, loaded, strict: true);
                Assert.Equal(full.DateTime.Kind, loaded.DateTime.Kind);
                Assert.Equal(full.DateTimeOffset.Offset, loaded.DateTimeOffset.Offset);
                Assert.Equivalent(empty, await reader.Samples.SingleAsync(s => s.Id == empty.Id), strict: true);
            }

            var raw = await host.ReadRawAsync("Samples", "Text", "Id", EncryptingSaveChangesInterceptorTests.Key(host, full.Id));
            var nullText = await host.ReadRawAsync("Samples", "NullableText", "Id", EncryptingSaveChangesInterceptorTests.Key(host, empty.Id));
            if (storage == CiphertextStorage.Text)
            {
                Assert.True(FieldCiphertext.IsEncrypted((string)raw!));
                Assert.True(FieldCiphertext.IsEncrypted((string)nullText!)); // null is encrypted too
            }
            else
            {
                Assert.True(FieldCiphertext.IsEncrypted((byte[])raw!));
                Assert.True(FieldCiphertext.IsEncrypted((byte[])nullText!));
            }
        }

        Assert.DoesNotContain("canary", host.AllLogText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Load_SubjectKeyShredded_LoadsEmptyValuesAndRefusesNewWrites(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var ann = await host.SeedAsync();
        var scope = EncryptionContext.ForSubject("Customer", "Email", ann.Id.ToString("D")).Scope;
        Assert.True(await host.Services.GetRequiredService<IDataKeyManager>().ShredAsync(scope) > 0);

        await using var context = host.CreateContext();
        var loaded = await context.Customers.Include(c => c.Notes).SingleAsync();
        Assert.Null(loaded.Phone);
        Assert.Null(loaded.BirthDate);
        Assert.Equal(0m, loaded.CreditLimit);
        Assert.All(loaded.Notes, n => Assert.Null(n.Text));
        Assert.Equal(ann.Name, loaded.Name);

        loaded.Phone = "+1 555 0100";
        await Assert.ThrowsAsync<FieldEncryptionException>(() => context.SaveChangesAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Load_PlaintextWrittenByRawSql_FailsInsteadOfReturningIt(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var ann = await host.SeedAsync();
        await host.ExecuteRawAsync("UPDATE \"Customers\" SET \"PhoneNumber\" = @phone WHERE \"Id\" = @id",
            ("phone", "+44 canary"), ("id", EncryptingSaveChangesInterceptorTests.Key(host, ann.Id)));

        await using var context = host.CreateContext();
        var e = await Assert.ThrowsAsync<InvalidCiphertextException>(() => context.Customers.SingleAsync());
        Assert.DoesNotContain("canary", e.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task FromSql_EntitiesReadWithRawSql_AreDecrypted(string provider)
    {
        await using var host = await EfTestHost.CreateAsync(provider);
        var ann = await host.SeedAsync();
        await using var context = host.CreateContext();

        var loaded = await context.Customers.FromSqlRaw("SELECT * FROM \"Customers\"").AsNoTracking().SingleAsync();

        Assert.Equal((ann.Email, ann.Phone, ann.Address!.Street), (loaded.Email, loaded.Phone, loaded.Address!.Street));
    }

    private static TypeSample Full() => new()
    {
        Id = Guid.NewGuid(),
        Text = "canary text ünïcödé 🐤",
        NullableText = "canary",
        Bytes = [1, 2, 3, 0, 255],
        NullableBytes = [9],
        Flag = true,
        NullableFlag = false,
        Byte = 200,
        SByte = -100,
        Short = -30000,
        UShort = 60000,
        Int = int.MinValue,
        NullableInt = 42,
        UInt = uint.MaxValue,
        Long = long.MinValue,
        NullableLong = -1,
        ULong = ulong.MaxValue,
        Int128 = Int128.MinValue,
        UInt128 = UInt128.MaxValue,
        Decimal = 79228162514264337593543950335m,
        NullableDecimal = -0.000001m,
        Double = Math.PI,
        Guid = Guid.NewGuid(),
        NullableGuid = Guid.NewGuid(),
        DateTime = new DateTime(2024, 2, 29, 13, 14, 15, DateTimeKind.Local),
        NullableDateTime = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        DateTimeOffset = new DateTimeOffset(2020, 5, 6, 7, 8, 9, TimeSpan.FromHours(5.5)),
        DateOnly = new DateOnly(1, 1, 1),
        NullableDateOnly = DateOnly.MaxValue,
    };
}
