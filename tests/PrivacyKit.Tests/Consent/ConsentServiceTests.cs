using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Audit;
using PrivacyKit.Consent;

namespace PrivacyKit.Tests.Consent;

public sealed partial class ConsentServiceTests
{
    private const string Subject = "cust-42";

    [Fact]
    public async Task CheckAsync_NoRecord_RefusesWithNoRecord()
    {
        using var host = new ConsentTestHost();
        var decision = await host.Consent.CheckAsync(Subject, "marketing");
        Assert.Equal(ConsentDecisionReason.NoRecord, decision.Reason);
        Assert.False(decision.IsAllowed);
        Assert.Null(decision.LastEvent);
    }

    [Fact]
    public async Task CheckAsync_AfterGrant_AllowsWithGranted()
    {
        using var host = new ConsentTestHost();
        var record = await host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form, "form-981");
        var decision = await host.Consent.CheckAsync(Subject, "marketing");
        Assert.Equal(ConsentDecisionReason.Granted, decision.Reason);
        Assert.True(decision.IsAllowed);
        Assert.Equal("1", decision.ConsentedPolicyVersion);
        Assert.Equal(ConsentTestHost.Start, record.OccurredAt);
        Assert.Equal(ConsentPurpose.HashPolicyText("We send offers. Version 1"), record.PolicyTextHash);
    }

    [Fact]
    public async Task CheckAsync_AfterWithdrawal_RefusesWithWithdrawn()
    {
        using var host = new ConsentTestHost();
        await host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form);
        await host.Consent.WithdrawAsync(Subject, "marketing", ConsentSource.Api);
        var decision = await host.Consent.CheckAsync(Subject, "marketing");
        Assert.Equal(ConsentDecisionReason.Withdrawn, decision.Reason);
        Assert.Equal(ConsentEventKind.Withdrawn, decision.LastEvent);
    }

    [Fact]
    public async Task CheckAsync_AfterDenial_RefusesWithWithdrawnAndDeniedEvent()
    {
        using var host = new ConsentTestHost();
        await host.Consent.DenyAsync(Subject, "marketing", ConsentSource.Form);
        var decision = await host.Consent.CheckAsync(Subject, "marketing");
        Assert.Equal(ConsentDecisionReason.Withdrawn, decision.Reason);
        Assert.Equal(ConsentEventKind.Denied, decision.LastEvent);
    }

    [Fact]
    public async Task CheckAsync_ContractBasis_AllowsWithNotRequired()
    {
        using var host = new ConsentTestHost();
        var decision = await host.Consent.CheckAsync(Subject, "billing");
        Assert.Equal(ConsentDecisionReason.NotRequired, decision.Reason);
        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public async Task CheckAsync_GrantLapsed_RefusesWithExpired()
    {
        using var host = new ConsentTestHost(o => o.AddPurpose(ConsentTestHost.Marketing(lifetime: TimeSpan.FromDays(30))));
        var record = await host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form);
        Assert.Equal(ConsentTestHost.Start.AddDays(30), record.ExpiresAt);
        host.Time.Advance(TimeSpan.FromDays(30));
        var decision = await host.Consent.CheckAsync(Subject, "marketing");
        Assert.Equal(ConsentDecisionReason.Expired, decision.Reason);
    }

    [Fact]
    public async Task CheckAsync_PolicyVersionBumped_RefusesWithPolicyVersionChanged()
    {
        var store = new InMemoryConsentStore();
        using (var before = new ConsentTestHost(o => o.AddPurpose(ConsentTestHost.Marketing("1")), store))
        {
            await before.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form);
        }

        using var after = new ConsentTestHost(o => o.AddPurpose(ConsentTestHost.Marketing("2")), store);
        var decision = await after.Consent.CheckAsync(Subject, "marketing");
        Assert.Equal(ConsentDecisionReason.PolicyVersionChanged, decision.Reason);
        Assert.Equal("1", decision.ConsentedPolicyVersion);
        Assert.Equal("2", decision.CurrentPolicyVersion);
    }

    [Fact]
    public async Task CheckAsync_SaleOrSharingPurposeAfterOptOut_RefusesWithOptedOut()
    {
        using var host = new ConsentTestHost();
        await host.Consent.GrantAsync(Subject, "data-broker", ConsentSource.Form);
        Assert.True(await host.Consent.OptOutOfSaleOrSharingAsync(Subject, ConsentSource.GlobalPrivacyControl));

        Assert.Equal(ConsentDecisionReason.OptedOutOfSaleOrSharing, (await host.Consent.CheckAsync(Subject, "data-broker")).Reason);
        Assert.Equal(ConsentDecisionReason.OptedOutOfSaleOrSharing, (await host.Consent.CheckAsync(Subject, "ad-partners")).Reason);
        Assert.Equal(ConsentDecisionReason.NotRequired, (await host.Consent.CheckAsync(Subject, "billing")).Reason);
    }

    [Fact]
    public async Task OptOutOfSaleOrSharingAsync_Repeated_RecordsOnceAndAuditsOnce()
    {
        using var host = new ConsentTestHost();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            host.Consent.OptOutOfSaleOrSharingAsync(Subject, ConsentSource.GlobalPrivacyControl).AsTask()));

        Assert.Equal(1, results.Count(r => r));
        var history = await host.Consent.GetHistoryAsync(Subject);
        var record = Assert.Single(history);
        Assert.Equal(ConsentEventKind.OptedOutOfSaleOrSharing, record.Kind);
        Assert.Equal(ConsentSource.GlobalPrivacyControl, record.Source);
        Assert.Null(record.PurposeId);
        Assert.Single(host.Audit.Events);
        Assert.True(await host.Consent.IsOptedOutOfSaleOrSharingAsync(Subject));
    }

    [Fact]
    public async Task OptInToSaleOrSharingAsync_AfterOptOut_AllowsAgainAndIsIdempotent()
    {
        using var host = new ConsentTestHost();
        Assert.False(await host.Consent.OptInToSaleOrSharingAsync(Subject, ConsentSource.Form));
        await host.Consent.OptOutOfSaleOrSharingAsync(Subject, ConsentSource.Form);
        Assert.True(await host.Consent.OptInToSaleOrSharingAsync(Subject, ConsentSource.Form));
        Assert.False(await host.Consent.OptInToSaleOrSharingAsync(Subject, ConsentSource.Form));
        Assert.Equal(ConsentDecisionReason.NotRequired, (await host.Consent.CheckAsync(Subject, "ad-partners")).Reason);
        Assert.Equal(2, (await host.Consent.GetHistoryAsync(Subject)).Count);
    }

    [Fact]
    public async Task GrantAsync_EmitsConsentChangedAuditEventWithoutPersonalValues()
    {
        using var host = new ConsentTestHost();
        var record = await host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form, ConsentTestHost.Canary);

        var e = Assert.Single(host.Audit.Events);
        Assert.Equal(AuditEventKind.ConsentChanged, e.Kind);
        Assert.Equal("consent.grant", e.Action);
        Assert.Equal(Subject, e.SubjectId);
        Assert.Equal("marketing", e.Purpose);
        Assert.Equal(record.Id, e.ResourceId);
        Assert.Equal("1", e.Properties["policyVersion"]);
        Assert.Equal(ConsentTestHost.Start, e.Timestamp);
        Assert.DoesNotContain(ConsentTestHost.Canary, e.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(e.Properties.Values, v => v.Contains(ConsentTestHost.Canary, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithdrawAsync_CarriesActorFromPrivacyContext()
    {
        using var host = new ConsentTestHost();
        var accessor = (PrivacyKit.Context.IPrivacyContextAccessor)host.Services.GetService(typeof(PrivacyKit.Context.IPrivacyContextAccessor))!;
        using (accessor.Push(new PrivacyKit.Context.PrivacyContext(new PrivacyKit.Context.PrivacyActor("agent-7", ["support"])) { CorrelationId = "trace-1" }))
        {
            await host.Consent.WithdrawAsync(Subject, "marketing", ConsentSource.Api);
        }

        var e = Assert.Single(host.Audit.Events);
        Assert.Equal("consent.withdraw", e.Action);
        Assert.Equal("agent-7", e.ActorId);
        Assert.Equal(["support"], e.ActorRoles);
        Assert.Equal("trace-1", e.CorrelationId);
    }

    [Fact]
    public async Task CheckAsync_UnknownPurpose_ThrowsConsentExceptionNamingPurpose()
    {
        using var host = new ConsentTestHost();
        var ex = await Assert.ThrowsAsync<ConsentException>(() => host.Consent.CheckAsync(Subject, "profiling").AsTask());
        Assert.Equal("profiling", ex.PurposeId);
        Assert.Contains("'profiling'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantAsync_PurposeIdThatIsAPersonalValue_NeverEchoesIt()
    {
        using var host = new ConsentTestHost();
        var ex = await Assert.ThrowsAsync<ConsentException>(() =>
            host.Consent.GrantAsync(ConsentTestHost.Canary, ConsentTestHost.Canary, ConsentSource.Form).AsTask());
        Assert.DoesNotContain(ConsentTestHost.Canary, ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.PurposeId);
        Assert.Empty(host.Audit.Events);
    }

    [Fact]
    public async Task GrantAsync_BadArguments_ThrowSpecificExceptions()
    {
        using var host = new ConsentTestHost();
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Consent.GrantAsync(null!, "marketing", ConsentSource.Form).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => host.Consent.GrantAsync(string.Empty, "marketing", ConsentSource.Form).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Consent.GrantAsync(Subject, null!, ConsentSource.Form).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Consent.GrantAsync(Subject, "marketing", (ConsentSource)99).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Consent.OptOutOfSaleOrSharingAsync(Subject, (ConsentSource)99).AsTask());
        Assert.Empty(await host.Consent.GetHistoryAsync(Subject));
    }

    [Fact]
    public async Task CheckAsync_ChangeOnSameInstance_TakesEffectImmediatelyDespiteCache()
    {
        using var host = new ConsentTestHost(o =>
        {
            o.AddPurpose(ConsentTestHost.Marketing());
            o.DecisionCacheLifetime = TimeSpan.FromMinutes(10);
        });
        await host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form);
        Assert.True((await host.Consent.CheckAsync(Subject, "marketing")).IsAllowed);
        await host.Consent.WithdrawAsync(Subject, "marketing", ConsentSource.Form);
        Assert.Equal(ConsentDecisionReason.Withdrawn, (await host.Consent.CheckAsync(Subject, "marketing")).Reason);
    }

    [Fact]
    public async Task CheckAsync_ChangeOnOtherInstance_TakesEffectWhenCacheLifetimeEnds()
    {
        var store = new InMemoryConsentStore();
        var time = new FakeTimeProvider(ConsentTestHost.Start);
        void Configure(ConsentOptions o)
        {
            o.AddPurpose(ConsentTestHost.Marketing());
            o.DecisionCacheLifetime = TimeSpan.FromSeconds(30);
        }

        using var a = new ConsentTestHost(Configure, store, time);
        using var b = new ConsentTestHost(Configure, store, time);
        await a.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form);
        Assert.True((await b.Consent.CheckAsync(Subject, "marketing")).IsAllowed);

        await a.Consent.WithdrawAsync(Subject, "marketing", ConsentSource.Form);
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.True((await b.Consent.CheckAsync(Subject, "marketing")).IsAllowed);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(ConsentDecisionReason.Withdrawn, (await b.Consent.CheckAsync(Subject, "marketing")).Reason);
    }

    [Fact]
    public async Task CheckAsync_CacheDisabled_SeesOtherInstanceAtOnce()
    {
        var store = new InMemoryConsentStore();
        void Configure(ConsentOptions o)
        {
            o.AddPurpose(ConsentTestHost.Marketing());
            o.DecisionCacheLifetime = TimeSpan.Zero;
        }

        using var a = new ConsentTestHost(Configure, store);
        using var b = new ConsentTestHost(Configure, store);
        Assert.Equal(ConsentDecisionReason.NoRecord, (await b.Consent.CheckAsync(Subject, "marketing")).Reason);
        await a.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form);
        Assert.Equal(ConsentDecisionReason.Granted, (await b.Consent.CheckAsync(Subject, "marketing")).Reason);
    }

    [Fact]
    public async Task GetReceiptAsync_ListsEveryPurposeWithLastGrantAndHistory()
    {
        using var host = new ConsentTestHost();
        var grant = await host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form, "form-981");
        host.Time.Advance(TimeSpan.FromMinutes(5));
        await host.Consent.OptOutOfSaleOrSharingAsync(Subject, ConsentSource.GlobalPrivacyControl);

        var receipt = await host.Consent.GetReceiptAsync(Subject);

        Assert.Equal(Subject, receipt.SubjectId);
        Assert.True(receipt.IsOptedOutOfSaleOrSharing);
        Assert.Equal(["marketing", "billing", "ad-partners", "data-broker"], receipt.Purposes.Select(p => p.Purpose.Id));
        var marketing = receipt.Purposes[0];
        Assert.Equal(grant, marketing.LastGrant);
        Assert.Equal(ConsentDecisionReason.Granted, marketing.Decision.Reason);
        Assert.Null(receipt.Purposes[3].LastGrant);
        Assert.Equal(2, receipt.History.Count);
    }

    [Fact]
    public async Task ConsentReceipt_ToJson_WritesDocumentedFields()
    {
        using var host = new ConsentTestHost();
        await host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form, "form-981");
        var json = (await host.Consent.GetReceiptAsync(Subject)).ToJson();

        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal(Subject, root.GetProperty("subjectId").GetString());
        var marketing = root.GetProperty("purposes")[0];
        Assert.Equal("consent", marketing.GetProperty("lawfulBasis").GetString());
        Assert.Equal("granted", marketing.GetProperty("decision").GetString());
        Assert.Equal("form-981", marketing.GetProperty("lastGrant").GetProperty("proofReference").GetString());
        Assert.Equal("2026-01-31T09:00:00+00:00", marketing.GetProperty("lastGrant").GetProperty("occurredAt").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("purposes")[1].GetProperty("lastGrant").ValueKind);
        Assert.Equal("granted", root.GetProperty("history")[0].GetProperty("event").GetString());
    }

    [Fact]
    public async Task GetHistoryAsync_KeepsEveryEventInOrder()
    {
        using var host = new ConsentTestHost();
        await host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form);
        await host.Consent.WithdrawAsync(Subject, "marketing", ConsentSource.Form);
        await host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Import);
        var history = await host.Consent.GetHistoryAsync(Subject);
        Assert.Equal([ConsentEventKind.Granted, ConsentEventKind.Withdrawn, ConsentEventKind.Granted], history.Select(r => r.Kind));
        Assert.Equal(3, history.Select(r => r.Id).Distinct().Count());
    }

    private sealed class CountingStore : IConsentStore
    {
        private readonly InMemoryConsentStore _inner = new();

        public int Reads { get; private set; }

        public ValueTask AppendAsync(ConsentRecord record, CancellationToken cancellationToken = default) => _inner.AppendAsync(record, cancellationToken);

        public ValueTask<IReadOnlyList<ConsentRecord>> GetHistoryAsync(string subjectId, CancellationToken cancellationToken = default)
        {
            Reads++;
            return _inner.GetHistoryAsync(subjectId, cancellationToken);
        }
    }

    [Fact]
    public async Task OptOutOfSaleOrSharingAsync_RepeatedSignal_IsAnsweredFromCacheUntilLifetimeEnds()
    {
        var store = new CountingStore();
        using var host = new ConsentTestHost(store: store);
        Assert.True(await host.Consent.OptOutOfSaleOrSharingAsync(Subject, ConsentSource.GlobalPrivacyControl));
        Assert.False(await host.Consent.OptOutOfSaleOrSharingAsync(Subject, ConsentSource.GlobalPrivacyControl));
        var reads = store.Reads;
        for (var i = 0; i < 5; i++)
        {
            Assert.False(await host.Consent.OptOutOfSaleOrSharingAsync(Subject, ConsentSource.GlobalPrivacyControl));
            Assert.True(await host.Consent.IsOptedOutOfSaleOrSharingAsync(Subject));
        }

        Assert.Equal(reads, store.Reads);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True(await host.Consent.IsOptedOutOfSaleOrSharingAsync(Subject));
        Assert.Equal(reads + 1, store.Reads);

        // A change on this instance is seen at once despite the cached state.
        Assert.True(await host.Consent.OptInToSaleOrSharingAsync(Subject, ConsentSource.Form));
        Assert.False(await host.Consent.IsOptedOutOfSaleOrSharingAsync(Subject));
        Assert.Single(await host.Consent.GetHistoryAsync(Subject), r => r.Kind == ConsentEventKind.OptedOutOfSaleOrSharing);
    }
}
