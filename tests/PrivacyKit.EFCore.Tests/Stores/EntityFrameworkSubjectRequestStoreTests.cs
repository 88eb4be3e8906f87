using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>The subject-request-store contract (as the core's in-memory store honours it) on SQLite and PostgreSQL, and its encryption of personal payloads.</summary>
public sealed class EntityFrameworkSubjectRequestStoreTests
{
    private const string CanaryEmail = "canary.person@example.org";
    private const string CanaryName = "Zebulon Canary-Smith";
    private static readonly DateTimeOffset Now = StoreTestHost.Start;

    private static SubjectRequest Request(string id = "r1") => new()
    {
        Id = id,
        Kind = SubjectRequestKind.Access,
        Regime = PrivacyRegime.Gdpr,
        SubjectId = "cust-42",
        Channel = RequestChannel.SelfService,
        ReceivedAt = Now,
        ReceivedBy = "u",
        Status = SubjectRequestStatus.Received,
        DueAt = Now.AddMonths(1),
        Version = 1,
    };

    private static SubjectRequestTransition Transition(long sequence, string id = "r1") => new()
    {
        RequestId = id,
        Sequence = sequence,
        Command = SubjectRequestCommand.Submit,
        From = SubjectRequestStatus.Received,
        To = SubjectRequestStatus.Received,
        At = Now,
        ActorId = "u",
    };

    private static PersonalDataExport Export() => new()
    {
        Source = "crm",
        Records = [new PersonalDataRecord { EntityType = "Customer", Category = "contact", RecordId = "7", Fields = new Dictionary<string, string?> { ["Email"] = CanaryEmail, ["Phone"] = null } }],
        Purposes = ["billing"],
        Recipients = ["payment processor"],
    };

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task AddAsync_DuplicateId_ThrowsInvalidOperation(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Requests;
        await store.AddAsync(Request(), Transition(1));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AddAsync(Request() with { SubjectId = "other" }, Transition(1)));

        Assert.Contains("'r1'", ex.Message, StringComparison.Ordinal);
        Assert.Equal("cust-42", (await store.GetAsync("r1"))!.SubjectId);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task GetAsync_EveryField_RoundTrips(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var full = Request() with
        {
            Kind = SubjectRequestKind.Rectification,
            Regime = PrivacyRegime.Ccpa,
            TenantId = "eu-1",
            Channel = RequestChannel.Email,
            Scope = ["marketing", "contact"],
            Corrections = [new FieldCorrection("Customer", "Email", CanaryEmail), new FieldCorrection("Customer", "Phone", null)],
            ExtendedDueAt = Now.AddMonths(3),
            ExtensionReason = "complex",
            ReceiptConfirmationDueAt = Now.AddDays(14),
            ReceiptConfirmedAt = Now.AddDays(1),
            OptOutDueAt = Now.AddDays(21),
            NextDueAt = Now.AddDays(14),
            VerifiedAt = Now.AddDays(2),
            VerificationMethod = "operator",
            ClosedAt = Now.AddDays(3),
            Status = SubjectRequestStatus.Rejected,
            Rejection = new RequestRejection(RejectionGround.Other, "tax records, HGB 257"),
        };

        await host.Requests.AddAsync(full, Transition(1));
        var read = (await host.Requests.GetAsync("r1"))!;

        Assert.Equal(full with { Scope = read.Scope, Corrections = read.Corrections }, read);
        Assert.Equal(full.Scope, read.Scope);
        Assert.Equal(full.Corrections, read.Corrections);
        Assert.Null(await host.Requests.GetAsync("nope"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task TryUpdateAsync_StaleVersion_ReturnsFalseAndKeepsHistory(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Requests;
        await store.AddAsync(Request(), Transition(1));
        var next = Request() with { Version = 2, Status = SubjectRequestStatus.IdentityVerification };

        var first = await store.TryUpdateAsync(next, 1, Transition(2) with { Command = SubjectRequestCommand.BeginVerification, To = SubjectRequestStatus.IdentityVerification });
        var stale = await store.TryUpdateAsync(next with { Status = SubjectRequestStatus.Rejected }, 1, Transition(3));
        var missing = await store.TryUpdateAsync(Request("nope") with { Version = 2 }, 1, Transition(2, "nope"));

        Assert.True(first);
        Assert.False(stale);
        Assert.False(missing);
        var stored = (await store.GetAsync("r1"))!;
        Assert.Equal(SubjectRequestStatus.IdentityVerification, stored.Status);
        Assert.Equal(2, stored.Version);
        var history = await store.GetHistoryAsync("r1");
        Assert.Equal([1L, 2L], history.Select(t => t.Sequence));
        Assert.Equal(SubjectRequestCommand.BeginVerification, history[1].Command);
        Assert.Empty(await store.GetHistoryAsync("nope"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task TryUpdateAsync_ConcurrentUpdatesOfOneVersion_ExactlyOneWins(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Requests;
        await store.AddAsync(Request(), Transition(1));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Retry.OnSqliteLockAsync(() =>
            store.TryUpdateAsync(Request() with { Version = 2, ReceivedBy = $"writer{i}" }, 1, Transition(2) with { ActorId = $"writer{i}" })))));

        Assert.Equal(1, results.Count(r => r));
        var winner = $"writer{Array.IndexOf(results, true)}";
        Assert.Equal(winner, (await store.GetAsync("r1"))!.ReceivedBy);
        Assert.Equal(winner, (await store.GetHistoryAsync("r1"))[^1].ActorId);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task SaveExecutionRecordAsync_SameSource_ReplacesRecord(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Requests;
        await store.AddAsync(Request(), Transition(1));
        var record = new SourceExecutionRecord { RequestId = "r1", SourceName = "crm", Status = SourceExecutionStatus.Started, Attempts = 1, StartedAt = Now };

        await store.SaveExecutionRecordAsync(record);
        await store.SaveExecutionRecordAsync(record with
        {
            Status = SourceExecutionStatus.Succeeded,
            CompletedAt = Now.AddMinutes(1),
            Export = Export(),
            Locations = [new PersonalDataLocation { EntityType = "Customer", Category = "contact", Fields = ["Email"], RecordCount = 1 }],
            Changes = [new PersonalDataChange { EntityType = "Customer", Action = PersonalDataAction.Retained, RecordCount = 1, Reason = "legal hold: case 1", LegalHoldId = "h1" }],
        });

        var stored = Assert.Single(await store.GetExecutionRecordsAsync("r1"));
        Assert.Equal(SourceExecutionStatus.Succeeded, stored.Status);
        Assert.Equal(Now.AddMinutes(1), stored.CompletedAt);
        Assert.Equal(CanaryEmail, stored.Export!.Records[0].Fields["Email"]);
        Assert.Null(stored.Export.Records[0].Fields["Phone"]);
        Assert.Equal(["billing"], stored.Export.Purposes);
        Assert.Equal(["Email"], Assert.Single(stored.Locations).Fields);
        Assert.Equal("h1", Assert.Single(stored.Changes).LegalHoldId);
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.SaveExecutionRecordAsync(record with { RequestId = "nope" }));
        Assert.Contains("'crm'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.GetExecutionRecordsAsync("nope"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task PersonalPayloads_AtRest_AreCiphertextBoundToTheirRow(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Requests;
        await store.AddAsync(Request() with { Kind = SubjectRequestKind.Rectification, Corrections = [new FieldCorrection("Customer", "Name", CanaryName)] }, Transition(1));
        await store.AddAsync(Request("r2") with { Kind = SubjectRequestKind.Rectification, Corrections = [new FieldCorrection("Customer", "Name", "someone else")] }, Transition(1, "r2"));
        await store.SaveExecutionRecordAsync(new SourceExecutionRecord { RequestId = "r1", SourceName = "crm", Status = SourceExecutionStatus.Succeeded, Export = Export() });

        await using var connection = await db.OpenRawConnectionAsync();
        var corrections = await ScalarAsync(connection, "SELECT \"Corrections\" FROM privacykit_subject_requests WHERE \"Id\" = 'r1'");
        var export = await ScalarAsync(connection, "SELECT \"Export\" FROM privacykit_subject_request_executions WHERE \"RequestId\" = 'r1'");
        Assert.True(FieldCiphertext.IsEncrypted(corrections));
        Assert.True(FieldCiphertext.IsEncrypted(export));
        Assert.DoesNotContain("Canary", corrections, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("canary", export, StringComparison.OrdinalIgnoreCase);

        // A ciphertext copied into another request's row does not decrypt there.
        await ExecuteAsync(connection, $"UPDATE privacykit_subject_requests SET \"Corrections\" = '{corrections}' WHERE \"Id\" = 'r2'");
        var mismatch = await Assert.ThrowsAsync<EncryptionContextMismatchException>(async () => await store.GetAsync("r2"));
        Assert.DoesNotContain("Canary", mismatch.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task PersonalPayloads_AfterTheSubjectsKeyIsShredded_ReadBackEmpty(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Requests;
        await store.AddAsync(Request() with { Kind = SubjectRequestKind.Rectification, Corrections = [new FieldCorrection("Customer", "Name", CanaryName)] }, Transition(1));
        await store.SaveExecutionRecordAsync(new SourceExecutionRecord { RequestId = "r1", SourceName = "crm", Status = SourceExecutionStatus.Succeeded, Export = Export() });

        await host.KeyManager.ShredAsync(EncryptionScope.ForSubject("cust-42"));

        var request = (await store.GetAsync("r1"))!;
        Assert.Empty(request.Corrections);
        Assert.Equal(SubjectRequestKind.Rectification, request.Kind);
        var record = Assert.Single(await store.GetExecutionRecordsAsync("r1"));
        Assert.Null(record.Export);
        Assert.Equal(SourceExecutionStatus.Succeeded, record.Status);
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task TryAcquireLeaseAsync_HeldByOther_RefusedUntilExpiryOrRelease(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Requests;
        await store.AddAsync(Request(), Transition(1));

        Assert.True(await store.TryAcquireLeaseAsync("r1", "a", Now, Now.AddMinutes(5)));
        Assert.True(await store.TryAcquireLeaseAsync("r1", "a", Now.AddMinutes(1), Now.AddMinutes(6)));
        Assert.False(await store.TryAcquireLeaseAsync("r1", "b", Now.AddMinutes(5), Now.AddMinutes(10)));
        Assert.True(await store.TryAcquireLeaseAsync("r1", "b", Now.AddMinutes(6), Now.AddMinutes(10)));
        await store.ReleaseLeaseAsync("r1", "a");
        Assert.False(await store.TryAcquireLeaseAsync("r1", "a", Now.AddMinutes(7), Now.AddMinutes(10)));
        await store.ReleaseLeaseAsync("r1", "b");
        Assert.True(await store.TryAcquireLeaseAsync("r1", "a", Now.AddMinutes(7), Now.AddMinutes(10)));
        Assert.False(await store.TryAcquireLeaseAsync("nope", "a", Now, Now.AddMinutes(1)));

        // An update of the request keeps the lease.
        Assert.True(await store.TryUpdateAsync(Request() with { Version = 2 }, 1, Transition(2)));
        Assert.False(await store.TryAcquireLeaseAsync("r1", "b", Now.AddMinutes(8), Now.AddMinutes(12)));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ListAsync_Filters_CombineWithAnd(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Requests;
        await store.AddAsync(Request("r1") with { NextDueAt = Now.AddDays(5) }, Transition(1, "r1"));
        await store.AddAsync(Request("r2") with { SubjectId = "cust-7", Kind = SubjectRequestKind.Erasure, ReceivedAt = Now.AddDays(1), NextDueAt = Now.AddDays(20) }, Transition(1, "r2"));
        await store.AddAsync(Request("r3") with { Status = SubjectRequestStatus.Completed, ReceivedAt = Now.AddDays(2), TenantId = "t1" }, Transition(1, "r3"));
        await store.AddAsync(Request("r0") with { Status = SubjectRequestStatus.Rejected, ReceivedAt = Now.AddDays(2) }, Transition(1, "r0"));

        Assert.Equal(["r1", "r2"], (await store.ListAsync(new SubjectRequestFilter { OpenOnly = true })).Select(r => r.Id));
        Assert.Equal(["r1"], (await store.ListAsync(new SubjectRequestFilter { NextDueBefore = Now.AddDays(10) })).Select(r => r.Id));
        Assert.Equal(["r2", "r0", "r3"], (await store.ListAsync(new SubjectRequestFilter { ReceivedSince = Now.AddDays(1) })).Select(r => r.Id));
        Assert.Equal(["r2"], (await store.ListAsync(new SubjectRequestFilter { SubjectId = "cust-7", Kind = SubjectRequestKind.Erasure })).Select(r => r.Id));
        Assert.Equal(["r3"], (await store.ListAsync(new SubjectRequestFilter { TenantId = "t1" })).Select(r => r.Id));
        Assert.Equal(["r1", "r2", "r0", "r3"], (await store.ListAsync(new SubjectRequestFilter())).Select(r => r.Id));
    }

    private static async Task<string> ScalarAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }
}
