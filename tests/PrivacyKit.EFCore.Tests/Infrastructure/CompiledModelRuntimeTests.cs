using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.EFCore.Query;
using PrivacyKit.EFCore.Tests.Encryption;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Tests.Infrastructure;

/// <summary>
/// A compiled model generated from a PrivacyKit model, compiled and loaded as an application's build would, and used
/// with <c>UseModel</c>: PrivacyKit's conventions do not run, so everything must come from the generated annotations.
/// </summary>
public sealed class CompiledModelRuntimeTests
{
    [Fact]
    public async Task UseModel_CompiledPrivacyKitModel_EncryptsDecryptsSearchesAndRefusesEncryptedWhere()
    {
        await using var host = await EfTestHost.CreateAsync("Sqlite");
        IModel compiled;
        await using (var design = await host.CreateSchemaAsync())
        {
            compiled = CompiledModelCompiler.CompileAndLoad(CompiledModelCompiler.Generate(design), typeof(CrmContext));
        }

        Assert.Equal("Crm.Compiled", compiled.GetType().Namespace);
        var customerType = compiled.FindEntityType(typeof(Customer))!;
        Assert.Equal("Email", customerType.FindProperty("EmailCiphertext")![PrivacyKitAnnotationNames.CiphertextFor]);
        var customer = EfTestHost.NewCustomer();
        customer.Notes.Add(new Note { Id = Guid.NewGuid(), Text = "likes canaries", Priority = 1 });
        await using (var writer = host.CreateContext(options: o => o.UseModel(compiled)))
        {
            Assert.Same(compiled, writer.Model);
            writer.Customers.Add(customer);
            await writer.SaveChangesAsync();
            Assert.Equal("ann.canary@example.org", customer.Email);
        }

        var rawEmail = (string?)await host.ReadRawAsync("Customers", "Email", "Id", customer.Id.ToString().ToUpperInvariant());
        var rawStreet = (string?)await host.ReadRawAsync("Customers", "Address_Street", "Id", customer.Id.ToString().ToUpperInvariant());
        Assert.StartsWith(FieldCiphertext.TextPrefix, rawEmail, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", rawEmail, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith(FieldCiphertext.TextPrefix, rawStreet, StringComparison.Ordinal);

        await using (var reader = host.CreateContext(options: o => o.UseModel(compiled)))
        {
            var tracked = await reader.Customers.Include(c => c.Notes).SingleAsync();
            Assert.Equal(customer.Email, tracked.Email);
            Assert.Equal(customer.Phone, tracked.Phone);
            Assert.Equal(customer.CreditLimit, tracked.CreditLimit);
            Assert.Equal(customer.BirthDate, tracked.BirthDate);
            Assert.Equal("1 Canary Wharf", tracked.Address!.Street);
            Assert.Equal("likes canaries", tracked.Notes.Single().Text);

            var untracked = await reader.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id);
            Assert.Equal(customer.Email, untracked.Email);
            Assert.Equal("1 Canary Wharf", untracked.Address!.Street);

            var found = await reader.Customers.AsNoTracking().WhereEquals(c => c.Email, "  ANN.Canary@example.org ").SingleAsync();
            Assert.Equal(customer.Id, found.Id);
            Assert.Empty(await reader.Customers.WhereEquals(c => c.Email, "bob@example.org").ToListAsync());

            var e = await Assert.ThrowsAsync<EncryptedQueryNotSupportedException>(() =>
                reader.Customers.Where(c => c.Email == customer.Email).ToListAsync());
            Assert.Contains("Customer.Email", e.Message, StringComparison.Ordinal);
            Assert.Contains(nameof(BlindIndexQueryableExtensions.WhereEquals), e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("canary", e.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task UseModel_CompiledModelWithPrivacyKitStores_KeepsDataKeysAndAuditInTheDatabase()
    {
        IModel compiled;
        await using (var design = await EfTestHost.CreateAsync("Sqlite"))
        await using (var context = design.CreateContext(o => new CompiledStoresContext(o)))
        {
            compiled = CompiledModelCompiler.CompileAndLoad(CompiledModelCompiler.Generate(context), typeof(CompiledStoresContext));
        }

        await using var database = await ProviderData.CreateAsync("Sqlite");
        using var kek = new InMemoryKeyEncryptionKey();
        var customer = EfTestHost.NewCustomer();
        await using (var app = StoresApp(database, kek, compiled))
        {
            await using (var scope = app.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<CompiledStoresContext>();
                await db.Database.EnsureCreatedAsync();
                Assert.Same(compiled, db.Model);
                db.Customers.Add(customer);
                await db.SaveChangesAsync();
            }

            await app.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEvent { Kind = AuditEventKind.KeyOperation, Action = "key.rotate" });
            await app.GetRequiredService<IAuditPipeline>().FlushAsync();
        }

        await using var connection = await database.OpenRawConnectionAsync();
        Assert.NotEmpty(await RawTables.ReadAsync(connection, "SELECT KeyId FROM privacykit_data_keys"));
        var email = Assert.Single(await RawTables.ReadAsync(connection, "SELECT Email FROM Customers"));
        Assert.StartsWith(FieldCiphertext.TextPrefix, email, StringComparison.Ordinal);

        // A second application instance on the same database: no key in memory, so the data key is read from the table.
        await using var second = StoresApp(database, kek, compiled);
        await using var readScope = second.CreateAsyncScope();
        var loaded = await readScope.ServiceProvider.GetRequiredService<CompiledStoresContext>().Customers.AsNoTracking().SingleAsync();
        Assert.Equal(customer.Email, loaded.Email);
        Assert.Equal("1 Canary Wharf", loaded.Address!.Street);
        var reader = second.GetRequiredService<IAuditReader>();
        var records = new List<AuditRecord>();
        await foreach (var record in reader.QueryAsync(new AuditQuery { InstanceId = "compiled-model" }))
        {
            records.Add(record);
        }

        Assert.Contains(records, r => r.Event.Action == "key.rotate");
        var verification = await second.GetRequiredService<AuditChainVerifier>().VerifyAsync(reader);
        Assert.True(verification.IsValid, string.Join("; ", verification.Issues.Select(i => i.Message)));
    }

    private static ServiceProvider StoresApp(TestDatabase database, InMemoryKeyEncryptionKey kek, IModel compiled)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddPrivacyKit(o => o.InstanceId = "compiled-model")
            .AddKeyEncryptionKey(kek)
            .AddEntityFrameworkStores<CompiledStoresContext>();
        services.AddDbContext<CompiledStoresContext>((sp, o) => database.Configure(o)
            .UseModel(compiled)
            .UsePrivacyKit(sp)
            .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning)));
        return services.BuildServiceProvider();
    }
}
