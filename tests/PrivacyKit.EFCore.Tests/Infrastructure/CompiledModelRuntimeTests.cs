using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.EFCore.Query;
using PrivacyKit.EFCore.Tests.Encryption;
using PrivacyKit.Encryption;

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
}
