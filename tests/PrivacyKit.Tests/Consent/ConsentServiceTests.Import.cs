using PrivacyKit.Audit;
using PrivacyKit.Consent;

namespace PrivacyKit.Tests.Consent;

public sealed partial class ConsentServiceTests
{
    private static ConsentRecord Imported(ConsentEventKind kind, string? purposeId = "marketing", string version = "1", int daysAgo = 10) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        SubjectId = Subject,
        PurposeId = purposeId,
        Kind = kind,
        OccurredAt = ConsentTestHost.Start.AddDays(-daysAgo),
        PolicyVersion = purposeId is null ? null : version,
        Source = ConsentSource.Import,
        ProofReference = "legacy-crm-77",
    };

    [Fact]
    public async Task ImportAsync_BackdatedGrant_CountsAndIsAudited()
    {
        using var host = new ConsentTestHost();
        var record = Imported(ConsentEventKind.Granted);
        await host.Consent.ImportAsync(record);

        Assert.Equal(ConsentDecisionReason.Granted, (await host.Consent.CheckAsync(Subject, "marketing")).Reason);
        var e = Assert.Single(host.Audit.Events);
        Assert.Equal((AuditEventKind.ConsentChanged, "consent.grant", record.OccurredAt, "Import"), (e.Kind, e.Action, e.Timestamp, e.Properties["source"]));
    }

    [Fact]
    public async Task ImportAsync_OlderPolicyVersion_NeedsReconsent()
    {
        using var host = new ConsentTestHost();
        await host.Consent.ImportAsync(Imported(ConsentEventKind.Granted, version: "0"));
        Assert.Equal(ConsentDecisionReason.PolicyVersionChanged, (await host.Consent.CheckAsync(Subject, "marketing")).Reason);
    }

    [Fact]
    public async Task ImportAsync_ExpiryAfterLaterLiveGrant_DoesNotOverrideIt()
    {
        using var host = new ConsentTestHost();
        await host.Consent.GrantAsync(Subject, "marketing", ConsentSource.Form);
        await host.Consent.ImportAsync(Imported(ConsentEventKind.Expired, daysAgo: 30));
        Assert.Equal(ConsentDecisionReason.Granted, (await host.Consent.CheckAsync(Subject, "marketing")).Reason);
        await host.Consent.ImportAsync(Imported(ConsentEventKind.Expired, daysAgo: 0));
        Assert.Equal(ConsentDecisionReason.Expired, (await host.Consent.CheckAsync(Subject, "marketing")).Reason);
    }

    [Fact]
    public async Task ImportAsync_SaleOptOut_AppliesToSaleOrSharingPurposes()
    {
        using var host = new ConsentTestHost();
        await host.Consent.ImportAsync(Imported(ConsentEventKind.OptedOutOfSaleOrSharing, purposeId: null));
        Assert.Equal(ConsentDecisionReason.OptedOutOfSaleOrSharing, (await host.Consent.CheckAsync(Subject, "ad-partners")).Reason);
        Assert.False(await host.Consent.OptOutOfSaleOrSharingAsync(Subject, ConsentSource.GlobalPrivacyControl));
    }

    [Fact]
    public async Task ImportAsync_PurposeDoesNotFitKind_ThrowsArgumentException()
    {
        using var host = new ConsentTestHost();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => host.Consent.ImportAsync(Imported(ConsentEventKind.Granted, purposeId: null)).AsTask());
        Assert.Contains("must name a registered purpose", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentException>(() => host.Consent.ImportAsync(Imported(ConsentEventKind.OptedOutOfSaleOrSharing)).AsTask());
        Assert.Empty(await host.Consent.GetHistoryAsync(Subject));
        Assert.Empty(host.Audit.Events);
    }

    [Fact]
    public async Task ImportAsync_BadRecords_ThrowSpecificExceptions()
    {
        using var host = new ConsentTestHost();
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Consent.ImportAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => host.Consent.ImportAsync(Imported(ConsentEventKind.Granted) with { Id = " " }).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Consent.ImportAsync(Imported((ConsentEventKind)42)).AsTask());
        await Assert.ThrowsAsync<ConsentException>(() => host.Consent.ImportAsync(Imported(ConsentEventKind.Granted, purposeId: "profiling")).AsTask());
        var record = Imported(ConsentEventKind.Granted);
        await host.Consent.ImportAsync(record);
        await Assert.ThrowsAsync<InvalidOperationException>(() => host.Consent.ImportAsync(record).AsTask());
        Assert.Single(await host.Consent.GetHistoryAsync(Subject));
    }
}
