using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.EFCore.Requests;
using PrivacyKit.EFCore.Tests.Requests.Crm;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Tests.Requests;

public sealed class EntityFrameworkPersonalDataSourceTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task FindAsync_SubjectWithDependents_OneLocationPerEntityTypeWithCounts(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await host.SeedAsync("bob");
        await using var scope = host.Provider.CreateAsyncScope();

        var locations = await host.Source(scope.ServiceProvider).FindAsync(CrmHost.Request(alice, SubjectRequestKind.Erasure));

        var byType = locations.ToDictionary(l => l.EntityType, l => l.RecordCount);
        Assert.Equal(new Dictionary<string, int> { ["Customer"] = 1, ["Note"] = 3, ["Attachment"] = 1, ["Deal"] = 2, ["Activity"] = 2 }, byType);
        var customer = locations.Single(l => l.EntityType == "Customer");
        Assert.Equal("identifier", customer.Category);
        Assert.Equal(["Name", "Email", "Phone", "BirthYear"], customer.Fields);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task FindAsync_SubjectIdOnManyRows_PagesThroughAllOfThem(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await using (var seed = host.Provider.CreateAsyncScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<CrmContext>();
            db.Contacts.AddRange(Enumerable.Range(0, 5).Select(i => new Contact { CustomerId = alice.Id, PersonId = "person-77", Name = $"carol-{i}" }));
            db.Contacts.Add(new Contact { CustomerId = alice.Id, PersonId = "person-78", Name = "dave" });
            await db.SaveChangesAsync();
        }

        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);
        var request = new PersonalDataSourceContext { RequestId = "r1", SubjectId = "person-77", Kind = SubjectRequestKind.Access };

        var location = Assert.Single(await source.FindAsync(request));
        var export = await source.ExportAsync(request);

        Assert.Equal(("Contact", 5), (location.EntityType, location.RecordCount));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"carol-{i}"), export.Records.Select(r => r.Fields["Name"]).Order());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task FindAsync_UnknownOrMalformedSubject_FindsNothing(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        await host.SeedAsync("alice");
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);

        var unknown = await source.FindAsync(new PersonalDataSourceContext { RequestId = "r1", SubjectId = Guid.NewGuid().ToString(), Kind = SubjectRequestKind.Access });
        var malformed = await source.FindAsync(new PersonalDataSourceContext { RequestId = "r2", SubjectId = "not-a-guid", Kind = SubjectRequestKind.Access });

        Assert.Empty(unknown);
        Assert.Empty(malformed);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ExportAsync_TwoSubjects_ContainsAllAndOnlyTheSubjectsData(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await host.SeedAsync("bob");
        await using var scope = host.Provider.CreateAsyncScope();

        var export = await host.Source(scope.ServiceProvider).ExportAsync(CrmHost.Request(alice, SubjectRequestKind.Access));

        var values = export.Records.SelectMany(r => r.Fields.Values).OfType<string>().ToList();
        foreach (var canary in CrmHost.CanariesOf("alice").Where(c => !c.StartsWith("bi:", StringComparison.Ordinal)))
        {
            Assert.Contains(canary, values);
        }

        Assert.DoesNotContain(values, v => CrmHost.CanariesOf("bob").Any(c => v.Contains(c, StringComparison.Ordinal)));
        Assert.DoesNotContain(values, v => v.StartsWith("bi:", StringComparison.Ordinal));
        Assert.Equal(9, export.Records.Count);
        Assert.DoesNotContain(export.Records, r => r.EntityType == "Product");
        var customer = export.Records.Single(r => r.EntityType == "Customer");
        Assert.Equal(alice.Id.ToString("D"), customer.RecordId);
        Assert.Equal("alice@example.org", customer.Fields["Email"]);
        Assert.Equal("1980", customer.Fields["BirthYear"]);
        Assert.Equal(("street-alice", "Berlin"), (customer.Fields["Address.Street"], customer.Fields["Address.City"]));
        Assert.DoesNotContain(CrmContext.EmailCiphertext, customer.Fields.Keys);
        Assert.DoesNotContain(CrmContext.EmailIndex, customer.Fields.Keys);
        Assert.Equal(["payment processor"], export.Recipients);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EraseAsync_DefaultDelete_NoPlaintextOrBlindIndexOfSubjectLeftAndOthersUntouched(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await host.SeedAsync("bob");
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);
        var request = CrmHost.Request(alice, SubjectRequestKind.Erasure);

        var changes = await CrmHost.EraseEverythingAsync(source, request);

        Assert.All(changes, c => Assert.Equal(PersonalDataAction.Deleted, c.Action));
        Assert.Equal(9, changes.Sum(c => c.RecordCount));
        var stored = await host.AllStoredValuesAsync();
        Assert.DoesNotContain(stored, v => CrmHost.CanariesOf("alice").Any(c => v.Contains(c, StringComparison.Ordinal)));
        Assert.DoesNotContain(alice.Id.ToString("D"), stored, StringComparer.OrdinalIgnoreCase);
        Assert.All(CrmHost.CanariesOf("bob"), c => Assert.Contains(c, stored));
        Assert.Contains("CRM licence", stored);
        Assert.Empty(await source.FindAsync(request));
        Assert.Contains(host.Logs.Lines, l => l.Contains("8102", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => CrmHost.CanariesOf("alice").Any(c => l.Contains(c, StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EraseAsync_AnonymiseCustomer_KeepsRowWithReplacementAndClearsCiphertextAndIndex(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider, o => o
            .Erase("Customer", ErasureStrategy.Anonymise)
            .Anonymise("Customer", "Name", "erased"));
        var alice = await host.SeedAsync("alice");
        await host.SeedAsync("bob");
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);
        var request = CrmHost.Request(alice, SubjectRequestKind.Erasure);

        var changes = await CrmHost.EraseEverythingAsync(source, request);

        var customer = changes.Single(c => c.EntityType == "Customer");
        Assert.Equal(PersonalDataAction.Anonymised, customer.Action);
        Assert.Equal(1, customer.RecordCount);
        Assert.Equal(["Name", "Email", "Phone", "BirthYear"], customer.Fields);
        var stored = await host.AllStoredValuesAsync();
        Assert.DoesNotContain(stored, v => CrmHost.CanariesOf("alice").Any(c => v.Contains(c, StringComparison.Ordinal)));
        var db = scope.ServiceProvider.GetRequiredService<CrmContext>();
        var row = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == alice.Id);
        Assert.Equal("erased", row.Name);
        Assert.Null(row.Email);
        Assert.Null(row.BirthYear);
        Assert.Equal(("", "Berlin"), (row.Address!.Street, row.Address.City));
        Assert.Null(await db.Customers.Where(c => c.Id == alice.Id).Select(c => EF.Property<string?>(c, CrmContext.EmailIndex)).SingleAsync());
        Assert.Empty(await db.Notes.Where(n => n.CustomerId == alice.Id).ToListAsync());
        Assert.All(CrmHost.CanariesOf("bob"), c => Assert.Contains(c, stored));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EraseAsync_LegalHoldOnNotes_NotesRetainedWithHoldAndCustomerAnonymisedInsteadOfDeleted(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await host.PlaceHoldAsync(alice, "Note");
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);
        var request = CrmHost.Request(alice, SubjectRequestKind.Erasure);

        var changes = await CrmHost.EraseEverythingAsync(source, request);

        var note = changes.Single(c => c.EntityType == "Note");
        Assert.Equal(PersonalDataAction.Retained, note.Action);
        Assert.Equal(3, note.RecordCount);
        Assert.StartsWith("hold-", note.LegalHoldId, StringComparison.Ordinal);
        Assert.Equal("legal hold: case 2026-17", note.Reason);
        var customer = changes.Single(c => c.EntityType == "Customer");
        Assert.Equal(PersonalDataAction.Anonymised, customer.Action);
        Assert.Contains("Note rows are kept", customer.Reason, StringComparison.Ordinal);
        var stored = await host.AllStoredValuesAsync();
        Assert.Contains("note1-alice", stored);
        Assert.Contains("note3-alice", stored);
        Assert.DoesNotContain("name-alice", stored);
        Assert.DoesNotContain("bi:alice@example.org", stored);
        Assert.DoesNotContain("call-old-alice", stored);
    }

    [Fact]
    public async Task EraseAsync_DependentsAnonymised_PrincipalAnonymisedTooAndNoValueLeft()
    {
        await using var host = await CrmHost.CreateAsync("Sqlite", o => o.Erase("Note", ErasureStrategy.Anonymise));
        var alice = await host.SeedAsync("alice");
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);

        var changes = await CrmHost.EraseEverythingAsync(source, CrmHost.Request(alice, SubjectRequestKind.Erasure));

        Assert.Equal(
            [("Activity", PersonalDataAction.Deleted), ("Attachment", PersonalDataAction.Deleted), ("Customer", PersonalDataAction.Anonymised), ("Deal", PersonalDataAction.Deleted), ("Note", PersonalDataAction.Anonymised)],
            changes.Select(c => (c.EntityType, c.Action)).Order());
        Assert.Equal("anonymised, not deleted: dependent Note rows are kept", changes.Single(c => c.EntityType == "Customer").Reason);
        var stored = await host.AllStoredValuesAsync();
        Assert.DoesNotContain(stored, v => CrmHost.CanariesOf("alice").Any(c => v.Contains(c, StringComparison.Ordinal)));
        Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<CrmContext>().Notes.CountAsync(n => n.CustomerId == alice.Id));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EraseAsync_AnotherSubjectRefersToTheCustomer_CustomerAnonymisedAndTheirRowUntouched(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await using (var seed = host.Provider.CreateAsyncScope())
        {
            var db = seed.ServiceProvider.GetRequiredService<CrmContext>();
            db.Contacts.Add(new Contact { CustomerId = alice.Id, PersonId = "person-77", Name = "assistant-carol" });
            await db.SaveChangesAsync();
        }

        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);
        var request = CrmHost.Request(alice, SubjectRequestKind.Erasure);

        var changes = await CrmHost.EraseEverythingAsync(source, request);

        var customer = changes.Single(c => c.EntityType == "Customer");
        Assert.Equal(PersonalDataAction.Anonymised, customer.Action);
        Assert.Equal("anonymised, not deleted: Contact rows of another data subject refer to them", customer.Reason);
        Assert.DoesNotContain(changes, c => c.EntityType == "Contact");
        var stored = await host.AllStoredValuesAsync();
        Assert.Contains("assistant-carol", stored);
        Assert.DoesNotContain(stored, v => CrmHost.CanariesOf("alice").Any(c => v.Contains(c, StringComparison.Ordinal)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EraseAsync_ShredKey_DestroysTheSubjectsDataKeyAndClearsColumns(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider, o => o.Erase("Customer", ErasureStrategy.ShredKey).Anonymise("Customer", "Email", "x@invalid"));
        var alice = await host.SeedAsync("alice");
        var bob = await host.SeedAsync("bob");
        var encryptor = host.Provider.GetRequiredService<IFieldEncryptor>();
        var aliceBackup = encryptor.Encrypt("alice@example.org", EncryptionContext.ForSubject("Customer", "Email", alice.Id.ToString("D")));
        var bobBackup = encryptor.Encrypt("bob@example.org", EncryptionContext.ForSubject("Customer", "Email", bob.Id.ToString("D")));
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);
        var request = CrmHost.Request(alice, SubjectRequestKind.Erasure);

        var changes = await CrmHost.EraseEverythingAsync(source, request);

        Assert.Equal(PersonalDataAction.Shredded, changes.Single(c => c.EntityType == "Customer").Action);
        Assert.Throws<DataKeyErasedException>(() => encryptor.Decrypt<string>(aliceBackup, EncryptionContext.ForSubject("Customer", "Email", alice.Id.ToString("D"))));
        Assert.Equal("bob@example.org", encryptor.Decrypt<string>(bobBackup, EncryptionContext.ForSubject("Customer", "Email", bob.Id.ToString("D"))));
        var stored = await host.AllStoredValuesAsync();
        Assert.DoesNotContain(stored, v => CrmHost.CanariesOf("alice").Any(c => v.Contains(c, StringComparison.Ordinal)));
        Assert.DoesNotContain("x@invalid", stored);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EraseAsync_ShredKeyWithActiveHoldElsewhere_KeepsKeyAndSaysWhy(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider, o => o.Erase("Customer", ErasureStrategy.ShredKey));
        var alice = await host.SeedAsync("alice");
        await host.PlaceHoldAsync(alice, "Deal");
        var encryptor = host.Provider.GetRequiredService<IFieldEncryptor>();
        var context = EncryptionContext.ForSubject("Customer", "Email", alice.Id.ToString("D"));
        var backup = encryptor.Encrypt("alice@example.org", context);
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);
        var request = CrmHost.Request(alice, SubjectRequestKind.Erasure);

        var changes = await CrmHost.EraseEverythingAsync(source, request);

        var customer = changes.Single(c => c.EntityType == "Customer");
        Assert.Equal(PersonalDataAction.Anonymised, customer.Action);
        Assert.StartsWith("data key kept: legal hold hold-", customer.Reason, StringComparison.Ordinal);
        Assert.Equal(PersonalDataAction.Retained, changes.Single(c => c.EntityType == "Deal").Action);
        Assert.Equal("alice@example.org", encryptor.Decrypt<string>(backup, context));
        Assert.DoesNotContain("name-alice", await host.AllStoredValuesAsync());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EraseAsync_OnlySomeTypesRequested_LeavesTheOthers(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);
        var request = CrmHost.Request(alice, SubjectRequestKind.Erasure);

        var changes = await source.EraseAsync(request, ["Activity", "Attachment"]);

        Assert.Equal(["Activity", "Attachment"], changes.Select(c => c.EntityType).Order());
        var stored = await host.AllStoredValuesAsync();
        Assert.DoesNotContain("call-old-alice", stored);
        Assert.DoesNotContain("file-alice.pdf", stored);
        Assert.Contains("note1-alice", stored);
        Assert.Contains("name-alice", stored);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RectifyAsync_PersonalFields_UpdatedForTheSubjectOnly(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider);
        var alice = await host.SeedAsync("alice");
        await host.SeedAsync("bob");
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);

        var changes = await source.RectifyAsync(CrmHost.Request(alice, SubjectRequestKind.Rectification),
        [
            new FieldCorrection("Customer", "Email", "alice.new@example.org"),
            new FieldCorrection("Customer", "BirthYear", "1981"),
            new FieldCorrection("Invoice", "Total", "1"),
        ]);

        var change = Assert.Single(changes);
        Assert.Equal(PersonalDataAction.Rectified, change.Action);
        Assert.Equal(["Email", "BirthYear"], change.Fields);
        var stored = await host.AllStoredValuesAsync();
        Assert.Contains("alice.new@example.org", stored);
        Assert.Contains("bi:alice.new@example.org", stored);
        Assert.DoesNotContain("alice@example.org", stored);
        Assert.Contains("bob@example.org", stored);
        var row = await scope.ServiceProvider.GetRequiredService<CrmContext>().Customers.AsNoTracking().SingleAsync(c => c.Id == alice.Id);
        Assert.Equal(1981, row.BirthYear);
    }

    [Theory]
    [InlineData("Customer", "Nickname", "has no property 'Nickname'")]
    [InlineData("Customer", "OwnerId", "is not a personal field")]
    [InlineData("Customer", "Id", "is not a personal field")]
    [InlineData("Customer", "BirthYear", "does not convert to Int32?")]
    public async Task RectifyAsync_BadCorrection_ThrowsNamingEntityAndFieldWithoutTheValue(string entity, string field, string expected)
    {
        await using var host = await CrmHost.CreateAsync("Sqlite");
        var alice = await host.SeedAsync("alice");
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);
        const string canary = "canary-value-4711";

        var ex = await Assert.ThrowsAsync<RectificationException>(async () => await source.RectifyAsync(
            CrmHost.Request(alice, SubjectRequestKind.Rectification),
            [new FieldCorrection("Customer", "Name", "changed-name"), new FieldCorrection(entity, field, canary)]));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(entity, ex.EntityType);
        Assert.Equal(field, ex.Field);
        Assert.DoesNotContain(canary, ex.Message, StringComparison.Ordinal);
        Assert.Contains("name-alice", await host.AllStoredValuesAsync());
    }

    [Fact]
    public async Task RectifyAsync_SubjectHasSeveralRowsOfTheEntity_RefusesAndChangesNothing()
    {
        await using var host = await CrmHost.CreateAsync("Sqlite");
        var alice = await host.SeedAsync("alice");
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);

        var ex = await Assert.ThrowsAsync<RectificationException>(async () => await source.RectifyAsync(
            CrmHost.Request(alice, SubjectRequestKind.Rectification),
            [new FieldCorrection("Customer", "Name", "changed-name"), new FieldCorrection("Note", "Text", "canary-note-text")]));

        Assert.Equal(("Note", "Text"), (ex.EntityType, ex.Field));
        Assert.Contains("3 rows of 'Note'", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", ex.Message, StringComparison.Ordinal);
        var stored = await host.AllStoredValuesAsync();
        Assert.Contains("name-alice", stored);
        Assert.DoesNotContain("changed-name", stored);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task RestrictAsync_FlagConfigured_SetsItOnTheSubjectsRowsOnlyAndExportStillSeesThem(string provider)
    {
        await using var host = await CrmHost.CreateAsync(provider, o => o.RestrictWith("Customer", nameof(Customer.Restricted)));
        var alice = await host.SeedAsync("alice");
        var bob = await host.SeedAsync("bob");
        await using var scope = host.Provider.CreateAsyncScope();
        var source = host.Source(scope.ServiceProvider);

        var outOfScope = await source.RestrictAsync(CrmHost.Request(alice, SubjectRequestKind.Restriction, "financial"));
        var changes = await source.RestrictAsync(CrmHost.Request(alice, SubjectRequestKind.Restriction, "contact"));

        Assert.Empty(outOfScope);
        var change = Assert.Single(changes);
        Assert.Equal(("Customer", PersonalDataAction.Restricted, 1), (change.EntityType, change.Action, change.RecordCount));
        var db = scope.ServiceProvider.GetRequiredService<CrmContext>();
        Assert.True(await db.Customers.IgnoreQueryFilters().Where(c => c.Id == alice.Id).Select(c => c.Restricted).SingleAsync());
        Assert.False(await db.Customers.Where(c => c.Id == bob.Id).Select(c => c.Restricted).SingleAsync());
        var export = await source.ExportAsync(CrmHost.Request(alice, SubjectRequestKind.Access));
        Assert.Equal("true", export.Records.Single(r => r.EntityType == "Customer").Fields["Restricted"]);
    }

    [Fact]
    public async Task FindAsync_OptionsNameUnknownEntity_ThrowsNamingIt()
    {
        await using var host = await CrmHost.CreateAsync("Sqlite", o => o.Erase("Invoice", ErasureStrategy.Delete));
        var alice = await host.SeedAsync("alice");
        await using var scope = host.Provider.CreateAsyncScope();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await host.Source(scope.ServiceProvider).FindAsync(CrmHost.Request(alice, SubjectRequestKind.Erasure)));

        Assert.Contains("'Invoice' in Erase", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Customer", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Customer", "OwnerId", "erased", "not a personal field")]
    [InlineData("Customer", "BirthYear", "erased", "the replacement is a String, the property a Int32?")]
    public async Task FindAsync_BadReplacement_ThrowsNamingProperty(string entity, string property, string replacement, string expected)
    {
        await using var host = await CrmHost.CreateAsync("Sqlite", o => o.Anonymise(entity, property, replacement));
        var alice = await host.SeedAsync("alice");
        await using var scope = host.Provider.CreateAsyncScope();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await host.Source(scope.ServiceProvider).FindAsync(CrmHost.Request(alice, SubjectRequestKind.Erasure)));

        Assert.Contains($"'{entity}.{property}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RestrictAsync_FlagNotBoolOrTimestamp_ThrowsNamingIt()
    {
        await using var host = await CrmHost.CreateAsync("Sqlite", o => o.RestrictWith("Customer", nameof(Customer.OwnerId)));
        var alice = await host.SeedAsync("alice");
        await using var scope = host.Provider.CreateAsyncScope();

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await host.Source(scope.ServiceProvider).RestrictAsync(CrmHost.Request(alice, SubjectRequestKind.Restriction)));

        Assert.Contains("'Customer.OwnerId' in RestrictWith", ex.Message, StringComparison.Ordinal);
    }
}
