using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.EFCore.Tests.Encryption;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Tests.Infrastructure;

public sealed class PrivacyKitOptionsExtensionTests
{
    [Fact]
    public void UsePrivacyKit_ApplicationWithoutAddPrivacyKit_ThrowsSayingWhatToCall()
    {
        using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var options = new DbContextOptionsBuilder<CrmContext>().UseSqlite("Data Source=:memory:").ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)).UsePrivacyKit(services).Options;

        var e = Assert.Throws<PrivacyKitException>(() =>
        {
            using var context = new CrmContext(options);
            return context.Model;
        });

        Assert.Contains("AddPrivacyKit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UsePrivacyKit_NullArguments_Throw()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        Assert.Throws<ArgumentNullException>(() => ((DbContextOptionsBuilder)null!).UsePrivacyKit(services));
        Assert.Throws<ArgumentNullException>(() => new DbContextOptionsBuilder().UsePrivacyKit(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DbContextOptionsBuilder().UsePrivacyKit(services, o => o.StoreCiphertextAs((CiphertextStorage)7)));
        Assert.Throws<ArgumentException>(() => new DbContextOptionsBuilder().UsePrivacyKit(services, o => o.EnforceFieldAccess<Customer>("customers")));
    }

    [Fact]
    public async Task Model_SameSettingsInTwoApplications_IsBuiltOnceAndReused()
    {
        await using var first = await EfTestHost.CreateAsync("Sqlite");
        await using var second = await EfTestHost.CreateAsync("Sqlite");
        await using var a = first.CreateContext();
        await using var b = second.CreateContext();
        await using var binary = first.CreateContext(o => o.StoreCiphertextAs(CiphertextStorage.Binary));

        Assert.Same(a.Model, b.Model);
        Assert.NotSame(a.Model, binary.Model);
        Assert.Equal(typeof(byte[]), binary.Model.FindEntityType(typeof(Customer))!.FindProperty("EmailCiphertext")!.ClrType);
        var infoA = a.GetService<IDbContextOptions>().FindExtension<PrivacyKitOptionsExtension>()!.Info;
        var infoB = b.GetService<IDbContextOptions>().FindExtension<PrivacyKitOptionsExtension>()!.Info;
        Assert.Equal(infoA.GetServiceProviderHashCode(), infoB.GetServiceProviderHashCode());
        Assert.True(infoA.ShouldUseSameServiceProvider(infoB));
        Assert.False(infoA.ShouldUseSameServiceProvider(binary.GetService<IDbContextOptions>().FindExtension<PrivacyKitOptionsExtension>()!.Info));
    }

    [Fact]
    public async Task Model_Annotations_ArePlainValuesAndAPrebuiltModelWorksWithoutConventions()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        IModel model;
        await using (var context = await host.CreateSchemaAsync())
        {
            model = context.Model;
            var annotations = model.GetEntityTypes().SelectMany(t => t.GetProperties()).SelectMany(p => p.GetAnnotations())
                .Where(a => a.Name.StartsWith(PrivacyKitAnnotationNames.Prefix, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(annotations);
            Assert.All(annotations, a => Assert.True(a.Value is string or int, a.Name));
        }

        // A context handed a finished model (as a compiled model is) runs no conventions: the runtime reads annotations only.
        var customer = EfTestHost.NewCustomer();
        await using (var context = host.CreateContext(options: o => o.UseModel(model)))
        {
            context.Customers.Add(customer);
            await context.SaveChangesAsync();
        }

        await using var reader = host.CreateContext(options: o => o.UseModel(model));
        Assert.Equal(customer.Email, (await reader.Customers.SingleAsync()).Email);
    }

    [Fact]
    public async Task Model_EncryptedColumns_KeepUserConfigurationAndAreSizedForCiphertext()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        await using var context = host.CreateContext();
        var customer = context.Model.FindEntityType(typeof(Customer))!;
        var encryptor = host.Services.GetRequiredService<IFieldEncryptor>();

        Assert.Null(customer.FindProperty(nameof(Customer.Email)));
        var email = customer.FindProperty("EmailCiphertext")!;
        Assert.Equal("Email", email.GetColumnName());
        Assert.False(email.IsNullable);
        Assert.Equal(FieldCiphertext.TextPrefix.Length + ((encryptor.GetEncryptedLength(300) + 2) / 3 * 4), email.GetMaxLength());
        var phone = customer.FindProperty("PhoneCiphertext")!;
        Assert.Equal("PhoneNumber", phone.GetColumnName());
        Assert.True(phone.IsNullable);
        Assert.Equal(FieldCiphertext.TextPrefix.Length + ((encryptor.GetEncryptedLength(90) + 2) / 3 * 4), phone.GetMaxLength());
        var street = customer.GetNavigations().Single(n => n.Name == nameof(Customer.Address)).TargetEntityType.FindProperty("StreetCiphertext")!;
        Assert.Equal("Address_Street", street.GetColumnName());
    }

    [Fact]
    public async Task Interceptors_RunBeforeThoseAddedByTheApplication()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        var spy = new CiphertextSpy();
        await using var context = host.CreateContext(options: o => o.AddInterceptors(spy));
        await context.Database.EnsureCreatedAsync();
        context.Customers.Add(EfTestHost.NewCustomer());

        await context.SaveChangesAsync();

        Assert.True(spy.SawCiphertext);
    }

    [Fact]
    public async Task UsePrivacyKit_PooledContexts_EncryptAndDecryptAcrossLeases()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        var options = host.Database.Configure(new DbContextOptionsBuilder<CrmContext>()).UsePrivacyKit(host.Services)
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)).Options;
        var factory = new PooledDbContextFactory<CrmContext>((DbContextOptions<CrmContext>)options, poolSize: 1);
        var customer = EfTestHost.NewCustomer();
        await using (var context = await factory.CreateDbContextAsync())
        {
            await context.Database.EnsureCreatedAsync();
            context.Customers.Add(customer);
            await context.SaveChangesAsync();
        }

        await using var again = await factory.CreateDbContextAsync();
        Assert.Equal(customer.Email, (await again.Customers.AsNoTracking().WhereEquals(c => c.Email, customer.Email).SingleAsync()).Email);
    }

    private sealed class CiphertextSpy : SaveChangesInterceptor
    {
        public bool SawCiphertext { get; private set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var entry = eventData.Context!.ChangeTracker.Entries<Customer>().Single();
            SawCiphertext = FieldCiphertext.IsEncrypted(entry.Property<string>("EmailCiphertext").CurrentValue);
            return ValueTask.FromResult(result);
        }
    }
}
