using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.BlindIndexes;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.EFCore.Retention;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Tests.EndToEnd;

/// <summary>
/// The EF Core adapter as a whole, over a CRM registered only through the public registration calls, on SQLite and
/// PostgreSQL: row scope, masking, blind-index search, export, erasure and the audit trail of the same operations.
/// </summary>
public sealed class CrmEndToEndTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Query_SalesRep_SeesOnlyOwnCustomers(string provider)
    {
        await using var app = await CrmApp.CreateAsync(provider);
        var ann = await app.SeedAsync("ann", "rep-1");
        var ben = await app.SeedAsync("ben", "rep-2");

        using (app.As("rep-1", "sales-rep"))
        {
            var seen = await app.InScopeAsync(db => db.Customers.AsNoTracking().ToListAsync());
            var customer = Assert.Single(seen);
            Assert.Equal(ann.Id, customer.Id);
            Assert.Equal(ann.Email, customer.Email);
            Assert.Equal(ann.HealthNote, customer.HealthNote);
            Assert.Equal(ann.Id, (await app.InScopeAsync(db => db.Customers.WhereEquals(c => c.Email, " ANN@example.org ").SingleAsync())).Id);
            Assert.Empty(await app.InScopeAsync(db => db.Customers.WhereEquals(c => c.Email, ben.Email).ToListAsync()));
        }

        using (app.As("dpo-1", "dpo"))
        {
            var all = await app.InScopeAsync(db => db.Customers.AsNoTracking().OrderBy(c => c.Name).ToListAsync());
            Assert.Equal([ann.Email, ben.Email], all.Select(c => c.Email));
        }

        using (app.As("visitor"))
        {
            Assert.Empty(await app.InScopeAsync(db => db.Customers.ToListAsync()));
        }

        app.AssertNotLogged(CrmApp.PersonalValues(ann).Concat(CrmApp.PersonalValues(ben)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Save_MaskedEntityOfSupport_KeepsStoredValues(string provider)
    {
        await using var app = await CrmApp.CreateAsync(provider);
        var ann = await app.SeedAsync("ann", "rep-1");

        using (app.As("support-1", "support"))
        {
            await app.InScopeAsync(async db =>
            {
                var seen = await db.Customers.SingleAsync();
                Assert.NotEqual(ann.Email, seen.Email);
                Assert.StartsWith("a", seen.Email, StringComparison.Ordinal);
                Assert.Contains("***", seen.Email, StringComparison.Ordinal);
                Assert.Equal(ann.Name, seen.Name);
                Assert.Equal(ann.HealthNote, seen.HealthNote);
                Assert.Equal(seen.Email, await db.Customers.Select(c => c.Email).SingleAsync());
                seen.Name = "renamed by support";
                await db.SaveChangesAsync();
            });

            // Detached and attached again with Update(), as a web form posts it back.
            var detached = await app.InScopeAsync(db => db.Customers.AsNoTracking().SingleAsync());
            detached.HealthNote = "changed by support";
            await app.InScopeAsync(async db =>
            {
                db.Update(detached);
                await db.SaveChangesAsync();
            });
        }

        using (app.As("dpo-1", "dpo"))
        {
            var stored = await app.InScopeAsync(db => db.Customers.AsNoTracking().SingleAsync());
            Assert.Equal(ann.Email, stored.Email);
            Assert.Equal("renamed by support", stored.Name);
            Assert.Equal("changed by support", stored.HealthNote);
            Assert.Equal(ann.Id, (await app.InScopeAsync(db => db.Customers.WhereEquals(c => c.Email, ann.Email).SingleAsync())).Id);
        }

        app.AssertNotLogged([.. CrmApp.PersonalValues(ann), "changed by support"]);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Export_Subject_ContainsAllAndOnlyTheirData(string provider)
    {
        await using var app = await CrmApp.CreateAsync(provider);
        var ann = await app.SeedAsync("ann", "rep-1");
        var ben = await app.SeedAsync("ben", "rep-2");

        PersonalDataExport export;
        using (app.AsSystem())
        {
            await using var scope = app.Services.CreateAsyncScope();
            export = await app.Source(scope.ServiceProvider).ExportAsync(CrmApp.Request(ann, SubjectRequestKind.Access));
        }

        string[] expectedIds =
        [
            ann.Id.ToString("D"), .. ann.Contacts.Select(c => c.Id.ToString("D")), .. ann.Deals.Select(d => d.Id.ToString("D")),
            .. ann.Notes.Select(n => n.Id.ToString("D")), .. ann.Activities.Select(a => a.Id.ToString("D")),
        ];
        Assert.Equal(expectedIds.Order(), export.Records.Select(r => r.RecordId!).Order());
        var values = export.Records.SelectMany(r => r.Fields.Values).OfType<string>().ToList();
        foreach (var value in CrmApp.PersonalValues(ann))
        {
            Assert.Contains(value, values);
        }

        Assert.Contains("1234.5", values);
        foreach (var value in CrmApp.PersonalValues(ben).Append(ben.Id.ToString("D")))
        {
            Assert.DoesNotContain(values, v => v.Contains(value, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(export.Records, r => r.Fields.Keys.Any(k => k.EndsWith("Ciphertext", StringComparison.Ordinal) || k.EndsWith("BlindIndex", StringComparison.Ordinal)));
        app.AssertNotLogged(CrmApp.PersonalValues(ann).Concat(CrmApp.PersonalValues(ben)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Erase_Subject_LeavesNoPlaintextNorBlindIndexAndOthersIntact(string provider)
    {
        await using var app = await CrmApp.CreateAsync(provider);
        var ann = await app.SeedAsync("ann", "rep-1");
        var ben = await app.SeedAsync("ben", "rep-2");
        var annIndexes = await BlindIndexesAsync(app, ann.Id);
        Assert.Equal(2, annIndexes.Count); // the e-mail and the one phone number

        IReadOnlyList<PersonalDataChange> changes;
        using (app.AsSystem())
        {
            await using var scope = app.Services.CreateAsyncScope();
            var source = app.Source(scope.ServiceProvider);
            var request = CrmApp.Request(ann, SubjectRequestKind.Erasure);
            changes = await source.EraseAsync(request, [.. (await source.FindAsync(request)).Select(l => l.EntityType)]);
        }

        Assert.Contains(changes, c => c.EntityType == "E2eCustomer");
        var stored = await app.AllStoredValuesAsync();
        foreach (var value in CrmApp.PersonalValues(ann).Concat(annIndexes))
        {
            Assert.DoesNotContain(stored, v => v.Contains(value, StringComparison.Ordinal));
        }

        // Ann's remaining row holds no ciphertext either: her data key is shredded and her columns cleared.
        await using (var connection = await app.Database.OpenRawConnectionAsync())
        {
            var annRow = await RawTables.ReadAsync(connection, $"SELECT * FROM customers WHERE \"Id\" = '{IdText(app, ann.Id)}'");
            Assert.DoesNotContain(annRow, v => FieldCiphertext.IsEncrypted(v));
        }

        // Ben is untouched: his values decrypt, his index finds him, his clear values are still stored.
        Assert.Equal(await BlindIndexesAsync(app, ben.Id), (await BlindIndexesAsync(app, ben.Id)).Distinct());
        using (app.As("dpo-1", "dpo"))
        {
            var loaded = await app.InScopeAsync(db => db.Customers.AsNoTracking().Include(c => c.Contacts).Include(c => c.Notes).Include(c => c.Deals).Include(c => c.Activities)
                .WhereEquals(c => c.Email, ben.Email).SingleAsync());
            Assert.Equal(CrmApp.PersonalValues(ben).Order(), CrmApp.PersonalValues(loaded).Order());
            Assert.Equal(ben.Deals.Select(d => d.Amount).Order(), loaded.Deals.Select(d => d.Amount).Order());
        }

        Assert.Contains(ben.Name, stored);
        app.AssertNotLogged(CrmApp.PersonalValues(ann).Concat(CrmApp.PersonalValues(ben)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Rectify_ByOperatorWhoSeesEmailMasked_WritesTheCorrection(string provider)
    {
        await using var app = await CrmApp.CreateAsync(provider);
        var ann = await app.SeedAsync("ann", "rep-1");

        using (app.As("support-1", "support"))
        {
            await using var scope = app.Services.CreateAsyncScope();
            var changes = await app.Source(scope.ServiceProvider).RectifyAsync(
                CrmApp.Request(ann, SubjectRequestKind.Rectification),
                [new FieldCorrection("E2eCustomer", "Email", "ann.corrected@example.org"), new FieldCorrection("E2eCustomer", "Name", "Ann Corrected")]);
            Assert.Equal(["Email", "Name"], Assert.Single(changes).Fields.Order());
        }

        using (app.As("dpo-1", "dpo"))
        {
            var stored = await app.InScopeAsync(db => db.Customers.AsNoTracking().WhereEquals(c => c.Email, "ann.corrected@example.org").SingleAsync());
            Assert.Equal((ann.Id, "ann.corrected@example.org", "Ann Corrected", ann.HealthNote), (stored.Id, stored.Email, stored.Name, stored.HealthNote));
        }
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task Retention_RunUnderMaskingActor_AnonymisesExpiredEmailOnly(string provider)
    {
        await using var app = await CrmApp.CreateAsync(provider);
        var ann = await app.SeedAsync("ann", "rep-1");
        var ben = await app.SeedAsync("ben", "rep-2");
        await using (var connection = await app.Database.OpenRawConnectionAsync())
        {
            // Ann was last contacted three years ago: her e-mail's two-year retention has run out.
            await using var command = connection.CreateCommand();
            command.CommandText = app.Database.Provider == DatabaseProvider.Sqlite
                ? $"UPDATE customers SET \"LastContactAt\" = '2020-01-01 00:00:00+00:00' WHERE \"Name\" = 'name-ann'"
                : $"UPDATE customers SET \"LastContactAt\" = TIMESTAMPTZ '2020-01-01 00:00:00+00' WHERE \"Name\" = 'name-ann'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var annIndex = (await BlindIndexesAsync(app, ann.Id))[0];
        using (app.As("support-1", "support"))
        {
            var result = await app.Services.GetRequiredService<IRetentionEnforcer<E2eCrmContext>>().RunAsync();
            Assert.Equal(1, result.Anonymised);
        }

        Assert.DoesNotContain(await app.AllStoredValuesAsync(), v => v.Contains(annIndex, StringComparison.Ordinal));
        using (app.As("dpo-1", "dpo"))
        {
            var customers = await app.InScopeAsync(db => db.Customers.AsNoTracking().OrderBy(c => c.Name).ToListAsync());
            Assert.Equal([(ann.Id, null, ann.HealthNote), (ben.Id, ben.Email, ben.HealthNote)], customers.Select(c => (c.Id, c.Email, c.HealthNote)));
        }
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveChanges_CrmOperations_AuditRowsMatchExactlyAndChainVerifies(string provider)
    {
        await using var app = await CrmApp.CreateAsync(provider);
        var ann = await app.SeedAsync("ann", "rep-1");
        using (app.As("rep-1", "sales-rep"))
        {
            await app.InScopeAsync(async db =>
            {
                var customer = await db.Customers.Include(c => c.Notes).SingleAsync();
                customer.Email = "ann.new@example.org";
                customer.Name = "Ann New";
                db.Notes.Remove(customer.Notes.Single(n => n.Text == "note2-ann"));
                await db.SaveChangesAsync();
            });
        }

        var changes = (await app.AuditRecordsAsync(CrmApp.InstanceId + ":ef")).Select(r => r.Event).ToList();
        var expected = new List<(AuditEventKind, string, string, string)>
        {
            (AuditEventKind.Created, "E2eCustomer", ann.Id.ToString("D"), "Email,HealthNote,LastContactAt,Name,OwnerId"),
        };
        expected.AddRange(ann.Contacts.Select(c => (AuditEventKind.Created, "E2eContact", c.Id.ToString("D"), "CustomerId,FullName,Phone")));
        expected.AddRange(ann.Deals.Select(d => (AuditEventKind.Created, "E2eDeal", d.Id.ToString("D"), "Amount,CustomerId,Title")));
        expected.AddRange(ann.Notes.Select(n => (AuditEventKind.Created, "E2eNote", n.Id.ToString("D"), "CustomerId,Text")));
        expected.AddRange(ann.Activities.Select(a => (AuditEventKind.Created, "E2eActivity", a.Id.ToString("D"), "CustomerId,Summary")));
        expected.Add((AuditEventKind.Updated, "E2eCustomer", ann.Id.ToString("D"), "Email,Name"));
        expected.Add((AuditEventKind.Deleted, "E2eNote", ann.Notes.Single(n => n.Text == "note2-ann").Id.ToString("D"), ""));
        Assert.Equal(
            expected.Order(),
            changes.Select(e => (e.Kind, e.ResourceType!, e.ResourceId!, string.Join(',', e.Fields.Order(StringComparer.Ordinal)))).Order());
        Assert.All(changes, e => Assert.Equal("rep-1", e.ActorId));
        Assert.All(changes, e => Assert.Equal(["sales-rep"], e.ActorRoles));
        Assert.All(changes, e => Assert.Equal("crm", e.Purpose));
        Assert.All(changes.Where(e => e.ResourceType != "E2eActivity"), e => Assert.Equal(ann.Id.ToString("D"), e.SubjectId));

        // The reload of the update recorded a read of Ann's sensitive field through the pipeline into the same store.
        var all = await app.AuditRecordsAsync();
        var read = Assert.Single(all, r => r.Event.Kind == AuditEventKind.PersonalDataRead);
        Assert.Equal(ann.Id.ToString("D"), read.Event.SubjectId);
        Assert.Equal("rep-1", read.Event.ActorId);
        Assert.Contains("E2eCustomer.HealthNote", read.Event.Fields.Select(f => f.Contains('.', StringComparison.Ordinal) ? f : "E2eCustomer." + f));

        var verification = await app.VerifyAuditAsync();
        Assert.True(verification.IsValid, verification.FirstIssue?.ToString());
        Assert.Equal(all.Count, verification.RecordCount);
        var canaries = CrmApp.PersonalValues(ann).Append("ann.new@example.org").Append("Ann New").ToList();
        Assert.DoesNotContain(all, r => canaries.Any(c => System.Text.Json.JsonSerializer.Serialize(r.Event).Contains(c, StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task UsePrivacyKit_ManyScopesAndApplications_ShareOneEfServiceProvider(string provider)
    {
        await using var first = await CrmApp.CreateAsync(provider);
        await using var second = await CrmApp.CreateAsync(provider);
        var caches = new List<IMemoryCache>();
        foreach (var app in new[] { first, second, first })
        {
            await app.InScopeAsync(db =>
            {
                // A singleton of EF Core's internal service provider (its query cache): one instance per provider.
                caches.Add(db.GetService<IMemoryCache>());
                return Task.CompletedTask;
            });
        }

        Assert.Single(caches.Distinct());
    }

    private static async Task<List<string>> BlindIndexesAsync(CrmApp app, Guid subject)
    {
        using (app.As("dpo-1", "dpo"))
        {
            var customer = await app.InScopeAsync(db => db.Customers.AsNoTracking().Where(c => c.Id == subject).Select(c => EF.Property<string?>(c, "EmailBlindIndex")).ToListAsync());
            var contacts = await app.InScopeAsync(db => db.Contacts.AsNoTracking().Where(c => c.CustomerId == subject).Select(c => EF.Property<string?>(c, "PhoneBlindIndex")).ToListAsync());
            return [.. customer.Concat(contacts).OfType<string>()];
        }
    }

    private static string IdText(CrmApp app, Guid id) =>
        app.Database.Provider == DatabaseProvider.Sqlite ? id.ToString("D").ToUpperInvariant() : id.ToString("D");
}
