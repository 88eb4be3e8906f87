using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Consent;
using PrivacyKit.Context;
using PrivacyKit.Requests;
using PrivacyKit.Retention;
using static PrivacyKit.Tests.Consent.ConsentSourceTestHost;

namespace PrivacyKit.Tests.Consent;

public sealed class ConsentPersonalDataSourceTests
{
    private static async Task SeedAsync(ConsentSourceTestHost host)
    {
        await host.Consent.GrantAsync(SubjectId, "marketing", ConsentSource.Form, proofReference: Canary);
        await host.Consent.GrantAsync(SubjectId, "data-broker", ConsentSource.Api, proofReference: "form-981");
        await host.Consent.DenyAsync(SubjectId, "ad-partners", ConsentSource.Form);
        await host.Consent.GrantAsync(OtherSubjectId, "marketing", ConsentSource.Form, proofReference: "other-" + Canary);
        host.Time.Advance(TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task ExportAsync_SubjectWithHistory_ExportsEveryRecordWithPurposeDecisionPolicyAndProof()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);
        var history = await host.Consent.GetHistoryAsync(SubjectId);

        var export = await host.Source.ExportAsync(RequestContext(SubjectRequestKind.Access));

        Assert.Equal(history.Select(r => r.Id), export.Records.Select(r => r.RecordId));
        Assert.All(export.Records, r => Assert.Equal(PersonalDataRecord.ConsentCategory, r.Category));
        var grant = export.Records[0].Fields;
        Assert.Equal("marketing", grant["purpose"]);
        Assert.Equal("granted", grant["decision"]);
        Assert.Equal("1", grant["policyVersion"]);
        Assert.Equal(ConsentTestHost.Marketing().PolicyTextHash, grant["policyTextHash"]);
        Assert.Equal("form", grant["source"]);
        Assert.Equal(Canary, grant["proofReference"]);
        Assert.Equal("2026-01-31T09:00:00.0000000+00:00", grant["occurredAt"]);
        Assert.Null(grant["expiresAt"]);
        Assert.Equal("denied", export.Records[2].Fields["decision"]);
        Assert.Equal("api", export.Records[1].Fields["source"]);
    }

    [Fact]
    public async Task ExportAsync_AnotherSubjectsRecordsInTheStore_NeverAppear()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);
        var others = (await host.Consent.GetHistoryAsync(OtherSubjectId)).Select(r => r.Id).ToHashSet();

        var export = await host.Source.ExportAsync(RequestContext(SubjectRequestKind.Access));

        Assert.Equal(3, export.Records.Count);
        Assert.DoesNotContain(export.Records, r => others.Contains(r.RecordId!));
        Assert.DoesNotContain(export.Records, r => r.Fields.Values.Contains("other-" + Canary));
    }

    [Fact]
    public async Task ExportAsync_StoreReturnsForeignRecords_FiltersThemOut()
    {
        var store = new LeakyConsentStore();
        using var host = new ConsentSourceTestHost(store: store);
        await host.Consent.GrantAsync(SubjectId, "marketing", ConsentSource.Form);
        await host.Consent.GrantAsync(OtherSubjectId, "marketing", ConsentSource.Form, proofReference: Canary);

        var export = await host.Source.ExportAsync(RequestContext(SubjectRequestKind.Access));
        var found = await host.Source.FindAsync(RequestContext(SubjectRequestKind.Erasure));

        Assert.Equal(2, (await store.GetHistoryAsync(SubjectId)).Count);
        var record = Assert.Single(export.Records);
        Assert.NotEqual(Canary, record.Fields["proofReference"]);
        Assert.Equal(1, Assert.Single(found).RecordCount);
    }

    [Fact]
    public async Task ExecuteAsync_Access_PackageConsentHistoryHoldsOnlyTheSubjectsRecordsAndNothingLeaks()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);

        var outcome = await host.ExecuteAsync(SubjectRequestKind.Access);

        var package = outcome.Package!;
        Assert.Equal(3, package.ConsentHistory.Count);
        Assert.Empty(package.Records);
        var json = package.ToJson();
        Assert.Contains("\"consentHistory\"", json, StringComparison.Ordinal);
        Assert.Contains(Canary, json, StringComparison.Ordinal);
        Assert.DoesNotContain("other-" + Canary, json, StringComparison.Ordinal);
        Assert.Contains(package.Categories, c => c.Name == PersonalDataRecord.ConsentCategory && c.Sources.Contains(ConsentPersonalDataSource.SourceName));

        Assert.Contains(host.Audit.Events, e => e.ResourceId == ConsentPersonalDataSource.SourceName);
        Assert.DoesNotContain(Canary, host.LeakableText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ErasureByDefault_WithdrawsActiveConsentsAndRetainsHistoryAsProof()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);

        var outcome = await host.ExecuteAsync(SubjectRequestKind.Erasure);

        Assert.Equal(ConsentDecisionReason.Withdrawn, (await host.Consent.CheckAsync(SubjectId, "marketing")).Reason);
        Assert.Equal(ConsentDecisionReason.Withdrawn, (await host.Consent.CheckAsync(SubjectId, "data-broker")).Reason);
        Assert.Equal(ConsentDecisionReason.Granted, (await host.Consent.CheckAsync(OtherSubjectId, "marketing")).Reason);

        var history = await host.Consent.GetHistoryAsync(SubjectId);
        var withdrawals = history.Where(r => r.Kind == ConsentEventKind.Withdrawn).ToList();
        Assert.Equal(["marketing", "data-broker"], withdrawals.Select(r => r.PurposeId));
        Assert.All(withdrawals, r => Assert.Equal("subject-request:" + outcome.Request.Id, r.ProofReference));
        Assert.Equal(5, history.Count);

        var certificate = outcome.Certificate!;
        var retained = Assert.Single(certificate.Retained);
        Assert.Equal(ConsentPersonalDataSource.SourceName, retained.Source);
        Assert.Equal(5, retained.RecordCount);
        Assert.Contains("GDPR Art. 7(1)", retained.Reason, StringComparison.Ordinal);
        Assert.Contains("2 active consents withdrawn", retained.Reason, StringComparison.Ordinal);
        Assert.False(certificate.IsComplete);

        Assert.Equal(2, host.Audit.Events.Count(e => e.Action == "consent.withdraw" && e.SubjectId == SubjectId));
        Assert.Contains(host.Logs.Messages, m => m.StartsWith("3103 ", StringComparison.Ordinal));
        Assert.DoesNotContain(Canary, host.LeakableText(), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, certificate.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ErasureWithRemove_WithdrawsThenRemovesOnlyTheSubjectsHistory()
    {
        using var host = new ConsentSourceTestHost(ConsentErasureEvidence.Remove);
        await SeedAsync(host);

        var outcome = await host.ExecuteAsync(SubjectRequestKind.Erasure);

        Assert.Empty(await host.Consent.GetHistoryAsync(SubjectId));
        Assert.Single(await host.Consent.GetHistoryAsync(OtherSubjectId));
        Assert.Equal(ConsentDecisionReason.NoRecord, (await host.Consent.CheckAsync(SubjectId, "marketing")).Reason);
        var deleted = Assert.Single(outcome.Certificate!.Deleted);
        Assert.Equal(ConsentPersonalDataSource.EntityType, deleted.EntityType);
        Assert.Equal(5, deleted.RecordCount);
        Assert.Contains("2 active consents withdrawn", deleted.Reason, StringComparison.Ordinal);
        Assert.True(outcome.Certificate.IsComplete);
        Assert.Equal(2, host.Audit.Events.Count(e => e.Action == "consent.withdraw"));
        Assert.Contains(host.Logs.Messages, m => m.StartsWith("3104 ", StringComparison.Ordinal));
        Assert.DoesNotContain(Canary, host.LeakableText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseAsync_RemoveButStoreCannotRemove_ThrowsConsentExceptionAndChangesNothing()
    {
        using var host = new ConsentSourceTestHost(ConsentErasureEvidence.Remove, new LeakyConsentStore());
        await host.Consent.GrantAsync(SubjectId, "marketing", ConsentSource.Form, proofReference: Canary);

        var ex = await Assert.ThrowsAsync<ConsentException>(() =>
            host.Source.EraseAsync(RequestContext(SubjectRequestKind.Erasure), [ConsentPersonalDataSource.EntityType]).AsTask());

        Assert.Contains("IConsentHistoryEraser", ex.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(LeakyConsentStore), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, ex.Message, StringComparison.Ordinal);
        Assert.Equal(ConsentDecisionReason.Granted, (await host.Consent.CheckAsync(SubjectId, "marketing")).Reason);
        Assert.Single(await host.Consent.GetHistoryAsync(SubjectId));
    }

    [Fact]
    public async Task EraseAsync_WithoutPrivacyContext_AuditsWithdrawalsAsTheSystemElseAsTheCurrentActor()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);
        var accessor = host.Services.GetRequiredService<IPrivacyContextAccessor>();

        await host.Source.RestrictAsync(RequestContext(SubjectRequestKind.Objection, SubjectId, "marketing"));
        using (accessor.Push(new PrivacyContext(new PrivacyActor("op-7", ["privacy-operator"])) { CorrelationId = "trace-1" }))
        {
            await host.Source.EraseAsync(RequestContext(SubjectRequestKind.Erasure), [ConsentPersonalDataSource.EntityType]);
        }

        var withdrawals = host.Audit.Events.Where(e => e.Action == "consent.withdraw").ToList();
        Assert.Equal(["system", "op-7"], withdrawals.Select(e => e.ActorId));
        Assert.Equal("trace-1", withdrawals[1].CorrelationId);
        Assert.Null(accessor.Current);
    }

    [Fact]
    public async Task EraseAsync_CalledAgainForTheSameRequest_WithdrawsNothingMore()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);
        var context = RequestContext(SubjectRequestKind.Erasure);

        var first = Assert.Single(await host.Source.EraseAsync(context, [ConsentPersonalDataSource.EntityType]));
        var second = Assert.Single(await host.Source.EraseAsync(context, [ConsentPersonalDataSource.EntityType]));

        Assert.Contains("2 active consents withdrawn", first.Reason, StringComparison.Ordinal);
        Assert.Contains("0 active consents withdrawn", second.Reason, StringComparison.Ordinal);
        Assert.Equal(first.RecordCount, second.RecordCount);
        Assert.Equal(5, (await host.Consent.GetHistoryAsync(SubjectId)).Count);
    }

    [Fact]
    public async Task EraseAsync_LapsedGrant_IsNotWithdrawn()
    {
        using var host = new ConsentSourceTestHost();
        await host.Consent.ImportAsync(new ConsentRecord
        {
            Id = "imported-1",
            SubjectId = SubjectId,
            PurposeId = "marketing",
            Kind = ConsentEventKind.Granted,
            OccurredAt = ConsentTestHost.Start.AddYears(-2),
            PolicyVersion = "1",
            Source = ConsentSource.Import,
            ExpiresAt = ConsentTestHost.Start.AddYears(-1),
        });

        var change = Assert.Single(await host.Source.EraseAsync(RequestContext(SubjectRequestKind.Erasure), [ConsentPersonalDataSource.EntityType]));

        Assert.Contains("0 active consents withdrawn", change.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(await host.Consent.GetHistoryAsync(SubjectId), r => r.Kind == ConsentEventKind.Withdrawn);
    }

    [Fact]
    public async Task EraseAsync_OtherEntityTypes_DoesNothing()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);

        var changes = await host.Source.EraseAsync(RequestContext(SubjectRequestKind.Erasure), ["Customer"]);

        Assert.Empty(changes);
        Assert.Equal(ConsentDecisionReason.Granted, (await host.Consent.CheckAsync(SubjectId, "marketing")).Reason);
    }

    [Fact]
    public async Task ExecuteAsync_ErasureOfSubjectWithoutConsentHistory_CertificateHasNoConsentEntry()
    {
        using var host = new ConsentSourceTestHost();
        await host.Consent.GrantAsync(OtherSubjectId, "marketing", ConsentSource.Form);

        var outcome = await host.ExecuteAsync(SubjectRequestKind.Erasure);

        Assert.Empty(outcome.Certificate!.Entries);
        Assert.Contains(ConsentPersonalDataSource.SourceName, outcome.Certificate.SourceNames);
        Assert.Empty(await host.Source.FindAsync(RequestContext(SubjectRequestKind.Erasure)));
        Assert.Single(await host.Consent.GetHistoryAsync(OtherSubjectId));
    }

    [Fact]
    public async Task ExecuteAsync_ErasureUnderLegalHoldOnConsentRecords_KeepsHistoryAndStateAndSaysSo()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);
        var hold = await host.Services.GetRequiredService<ILegalHoldService>()
            .PlaceAsync(SubjectId, "pending litigation", "2026-CV-17", new("legal-1"), [ConsentPersonalDataSource.EntityType]);

        var outcome = await host.ExecuteAsync(SubjectRequestKind.Erasure);

        var retained = Assert.Single(outcome.Certificate!.Retained);
        Assert.Equal(hold.Id, retained.LegalHoldId);
        Assert.Equal("legal hold: pending litigation (case 2026-CV-17)", retained.Reason);
        Assert.Equal(ConsentDecisionReason.Granted, (await host.Consent.CheckAsync(SubjectId, "marketing")).Reason);
    }

    [Fact]
    public async Task RestrictAsync_OptOutOfSale_RecordsTheOptOutOnce()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);

        var change = Assert.Single(await host.Source.RestrictAsync(RequestContext(SubjectRequestKind.OptOutOfSale)));
        await host.Source.RestrictAsync(RequestContext(SubjectRequestKind.OptOutOfSale));

        Assert.Equal(PersonalDataAction.Restricted, change.Action);
        Assert.Equal(["ad-partners", "data-broker"], change.Fields);
        Assert.True(await host.Consent.IsOptedOutOfSaleOrSharingAsync(SubjectId));
        Assert.False(await host.Consent.IsOptedOutOfSaleOrSharingAsync(OtherSubjectId));
        Assert.Single(await host.Consent.GetHistoryAsync(SubjectId), r => r.Kind == ConsentEventKind.OptedOutOfSaleOrSharing);
        Assert.Equal(ConsentDecisionReason.OptedOutOfSaleOrSharing, (await host.Consent.CheckAsync(SubjectId, "data-broker")).Reason);
    }

    [Fact]
    public async Task RestrictAsync_ObjectionToOnePurpose_WithdrawsOnlyThatConsent()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);

        var change = Assert.Single(await host.Source.RestrictAsync(RequestContext(SubjectRequestKind.Objection, SubjectId, "marketing")));

        Assert.Equal(1, change.RecordCount);
        Assert.Equal(ConsentDecisionReason.Withdrawn, (await host.Consent.CheckAsync(SubjectId, "marketing")).Reason);
        Assert.Equal(ConsentDecisionReason.Granted, (await host.Consent.CheckAsync(SubjectId, "data-broker")).Reason);
    }

    [Fact]
    public async Task RestrictAsync_RestrictionOrObjectionWithNothingActive_ReportsNoChange()
    {
        using var host = new ConsentSourceTestHost();
        await host.Consent.DenyAsync(SubjectId, "marketing", ConsentSource.Form);

        Assert.Empty(await host.Source.RestrictAsync(RequestContext(SubjectRequestKind.Restriction)));
        Assert.Empty(await host.Source.RestrictAsync(RequestContext(SubjectRequestKind.Objection)));
        Assert.Single(await host.Consent.GetHistoryAsync(SubjectId));
    }

    [Fact]
    public async Task RectifyAsync_AnyCorrection_LeavesTheAppendOnlyHistoryUnchanged()
    {
        using var host = new ConsentSourceTestHost();
        await SeedAsync(host);
        var before = await host.Consent.GetHistoryAsync(SubjectId);

        var changes = await host.Source.RectifyAsync(
            RequestContext(SubjectRequestKind.Rectification), [new FieldCorrection(ConsentPersonalDataSource.EntityType, "purpose", Canary)]);

        Assert.Empty(changes);
        Assert.Equal(before, await host.Consent.GetHistoryAsync(SubjectId));
    }

    [Fact]
    public async Task Operations_NullArguments_ThrowArgumentNull()
    {
        using var host = new ConsentSourceTestHost();
        var source = host.Source;

        await Assert.ThrowsAsync<ArgumentNullException>("context", () => source.FindAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>("context", () => source.ExportAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>("entityTypes", () => source.EraseAsync(RequestContext(SubjectRequestKind.Erasure), null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>("corrections", () => source.RectifyAsync(RequestContext(SubjectRequestKind.Rectification), null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>("context", () => source.RestrictAsync(null!).AsTask());
    }

    [Fact]
    public void AddPrivacyKit_CalledTwice_RegistersTheConsentSourceOnce()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit();
        services.AddPrivacyKit();

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IPersonalDataSource));
        Assert.Equal(typeof(ConsentPersonalDataSource), descriptor.ImplementationType);
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
    }

    /// <summary>A store without <see cref="IConsentHistoryEraser"/> that wrongly returns every subject's records.</summary>
    private sealed class LeakyConsentStore : IConsentStore
    {
        private readonly InMemoryConsentStore _inner = new();
        private readonly List<string> _subjects = [];

        public async ValueTask AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default)
        {
            await _inner.AppendAsync(record, cancellationToken);
            lock (_subjects)
            {
                if (!_subjects.Contains(record.SubjectId))
                {
                    _subjects.Add(record.SubjectId);
                }
            }
        }

        public async ValueTask<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string subjectId, CancellationToken cancellationToken = default)
        {
            string[] subjects;
            lock (_subjects)
            {
                subjects = [.. _subjects];
            }

            var all = new List<ConsentRecord>();
            foreach (var subject in subjects)
            {
                all.AddRange(await _inner.GetHistoryAsync(subject, cancellationToken));
            }

            return all;
        }
    }
}
