using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.Requests;
using PrivacyKit.Retention;
using PrivacyKit.Tests.Requests;
using PrivacyKit.Tests.TestSupport;

namespace PrivacyKit.Tests.Retention;

public sealed class LegalHoldServiceTests : IDisposable
{
    private const string Subject = "cust-42";
    private const string Canary = "jane.roe@example.org";

    private static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly PrivacyActor Counsel = new("legal-1", ["legal"]) { OnBehalfOf = "dpo-2" };

    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingAuditTrail _audit = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ServiceProvider _provider;

    public LegalHoldServiceTests()
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(_logs));
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IAuditTrail>(_audit);
        services.AddPrivacyKit();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private ILegalHoldService Service => _provider.GetRequiredService<ILegalHoldService>();

    private ILegalHoldStore Store => _provider.GetRequiredService<ILegalHoldStore>();

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task PlaceAsync_ValidInput_StoresHoldAndAuditsWhoWhyAndCase()
    {
        var hold = await Service.PlaceAsync(Subject, "pending litigation", "2026-CV-0117", Counsel, ["Invoice", "Invoice", "Ticket"]);

        Assert.Equal(hold, Assert.Single(await Store.GetActiveAsync(Subject)));
        Assert.Equal("pending litigation (case 2026-CV-0117)", hold.Reason);
        Assert.Equal(["Invoice", "Ticket"], hold.EntityTypes);
        Assert.Equal(Start, hold.PlacedAt);
        Assert.Equal("legal-1", hold.PlacedBy);

        var e = Assert.Single(_audit.Events);
        Assert.Equal(AuditEventKind.Retention, e.Kind);
        Assert.Equal("retention.legal-hold.place", e.Action);
        Assert.Equal("legal-1", e.ActorId);
        Assert.Equal(["legal"], e.ActorRoles);
        Assert.Equal("dpo-2", e.OnBehalfOf);
        Assert.Equal(Subject, e.SubjectId);
        Assert.Equal("LegalHold", e.ResourceType);
        Assert.Equal(hold.Id, e.ResourceId);
        Assert.Equal("pending litigation", e.Reason);
        Assert.Equal(Start, e.Timestamp);
        Assert.Equal("2026-CV-0117", e.Properties["caseReference"]);
        Assert.Equal("Invoice,Ticket", e.Properties["entityTypes"]);
        Assert.Equal(hold.Id, e.Properties["holdId"]);
        Assert.Contains(_logs.Messages, m => m.StartsWith("3201 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlaceAsync_NoEntityTypes_CoversEveryEntityAndAuditsAStar()
    {
        using var scope = _provider.GetRequiredService<IPrivacyContextAccessor>().Push(new PrivacyContext(Counsel) { CorrelationId = "trace-9" });

        var hold = await Service.PlaceAsync(Subject, "regulator inquiry", "REG-7", Counsel);

        Assert.True(hold.Covers("Customer"));
        Assert.True(hold.Covers("Invoice"));
        var e = Assert.Single(_audit.Events);
        Assert.Equal("*", e.Properties["entityTypes"]);
        Assert.Equal("trace-9", e.CorrelationId);
    }

    [Fact]
    public async Task PlaceAsync_TwoHolds_GetDistinctIds()
    {
        var a = await Service.PlaceAsync(Subject, "litigation", "A-1", Counsel);
        var b = await Service.PlaceAsync(Subject, "litigation", "A-1", Counsel);

        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(2, (await Service.GetActiveAsync(Subject)).Count);
    }

    [Fact]
    public async Task ReleaseAsync_ActiveHold_ReleasesAndAuditsTheRelease()
    {
        var hold = await Service.PlaceAsync(Subject, "pending litigation", "2026-CV-0117", Counsel);
        _time.Advance(TimeSpan.FromDays(30));

        Assert.True(await Service.ReleaseAsync(Subject, hold.Id, "case closed", new PrivacyActor("legal-3")));

        Assert.Empty(await Service.GetActiveAsync(Subject));
        var e = _audit.Events[^1];
        Assert.Equal("retention.legal-hold.release", e.Action);
        Assert.Equal(AuditEventKind.Retention, e.Kind);
        Assert.Equal("legal-3", e.ActorId);
        Assert.Equal(Subject, e.SubjectId);
        Assert.Equal(hold.Id, e.ResourceId);
        Assert.Equal("case closed", e.Reason);
        Assert.Equal(Start.AddDays(30), e.Timestamp);
        Assert.Contains(_logs.Messages, m => m.StartsWith("3202 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReleaseAsync_Twice_SecondReturnsFalseAndIsNotAudited()
    {
        var hold = await Service.PlaceAsync(Subject, "pending litigation", "C-1", Counsel);

        Assert.True(await Service.ReleaseAsync(Subject, hold.Id, "case closed", Counsel));
        Assert.False(await Service.ReleaseAsync(Subject, hold.Id, "case closed", Counsel));

        Assert.Single(_audit.Events, e => e.Action == "retention.legal-hold.release");
        Assert.Contains(_logs.Messages, m => m.StartsWith("3203 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReleaseAsync_HoldOfAnotherSubject_ReturnsFalseAndKeepsTheHold()
    {
        var hold = await Service.PlaceAsync("cust-99", "pending litigation", "C-1", Counsel);

        Assert.False(await Service.ReleaseAsync(Subject, hold.Id, "case closed", Counsel));
        Assert.False(await Service.ReleaseAsync(Subject, "no-such-hold", "case closed", Counsel));

        Assert.Equal(hold, Assert.Single(await Service.GetActiveAsync("cust-99")));
        Assert.DoesNotContain(_audit.Events, e => e.Action == "retention.legal-hold.release");
    }

    [Theory]
    [InlineData("", "litigation", "C-1", "subjectId")]
    [InlineData(" ", "litigation", "C-1", "subjectId")]
    [InlineData(Subject, "", "C-1", "reason")]
    [InlineData(Subject, "litigation", " ", "caseReference")]
    [InlineData(Subject, "claim by " + Canary, "C-1", "reason")]
    [InlineData(Subject, "litigation", "case of " + Subject, "caseReference")]
    [InlineData(Subject, "litigation", "card 4111111111111111", "caseReference")]
    public async Task PlaceAsync_BadOrPersonalText_ThrowsArgumentExceptionNamingTheParameterAndStoresNothing(
        string subjectId, string reason, string caseReference, string paramName)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => Service.PlaceAsync(subjectId, reason, caseReference, Counsel).AsTask());

        Assert.Equal(paramName, ex.ParamName);
        Assert.DoesNotContain(Canary, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("4111111111111111", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_audit.Events);
        Assert.Empty(await Store.GetActiveAsync(Subject));
    }

    [Fact]
    public async Task PlaceAsync_TooLongTexts_ThrowArgumentExceptionWithTheLimit()
    {
        var reason = await Assert.ThrowsAsync<ArgumentException>(() => Service.PlaceAsync(Subject, new string('r', 501), "C-1", Counsel).AsTask());
        var caseRef = await Assert.ThrowsAsync<ArgumentException>(() => Service.PlaceAsync(Subject, "litigation", new string('c', 101), Counsel).AsTask());

        Assert.Equal("reason", reason.ParamName);
        Assert.Contains("500", reason.Message, StringComparison.Ordinal);
        Assert.Equal("caseReference", caseRef.ParamName);
        Assert.Contains("100", caseRef.Message, StringComparison.Ordinal);
        Assert.Empty(_audit.Events);
    }

    [Fact]
    public async Task PlaceAsync_NullArguments_ThrowArgumentNull()
    {
        await Assert.ThrowsAsync<ArgumentNullException>("subjectId", () => Service.PlaceAsync(null!, "r", "c", Counsel).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>("reason", () => Service.PlaceAsync(Subject, null!, "c", Counsel).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>("caseReference", () => Service.PlaceAsync(Subject, "r", null!, Counsel).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>("placedBy", () => Service.PlaceAsync(Subject, "r", "c", null!).AsTask());
        Assert.Empty(_audit.Events);
    }

    [Fact]
    public async Task PlaceAsync_BlankEntityType_ThrowsArgumentExceptionSayingWhatToFix()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Service.PlaceAsync(Subject, "litigation", "C-1", Counsel, ["Invoice", " "]).AsTask());

        Assert.Equal("entityTypes", ex.ParamName);
        Assert.Contains("remove the empty entry", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await Store.GetActiveAsync(Subject));
    }

    [Fact]
    public async Task ReleaseAsync_BadInput_ThrowsAndReleasesNothing()
    {
        var hold = await Service.PlaceAsync(Subject, "litigation", "C-1", Counsel);

        await Assert.ThrowsAsync<ArgumentNullException>("releasedBy", () => Service.ReleaseAsync(Subject, hold.Id, "closed", null!).AsTask());
        await Assert.ThrowsAsync<ArgumentException>("holdId", () => Service.ReleaseAsync(Subject, "", "closed", Counsel).AsTask());
        await Assert.ThrowsAsync<ArgumentException>("subjectId", () => Service.ReleaseAsync(" ", hold.Id, "closed", Counsel).AsTask());
        var personal = await Assert.ThrowsAsync<ArgumentException>("reason", () => Service.ReleaseAsync(Subject, hold.Id, "asked by " + Canary, Counsel).AsTask());

        Assert.DoesNotContain(Canary, personal.Message, StringComparison.Ordinal);
        Assert.Single(await Service.GetActiveAsync(Subject));
        Assert.Single(_audit.Events);
    }

    [Fact]
    public async Task GetActiveAsync_EmptySubject_ThrowsArgumentException() =>
        await Assert.ThrowsAsync<ArgumentException>("subjectId", () => Service.GetActiveAsync("").AsTask());

    [Fact]
    public async Task PlaceAsync_AuditTrailFails_HoldIsStoredAndAuditExceptionSurfaces()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IAuditTrail, RefusingAuditTrail>();
        services.AddPrivacyKit();
        using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<AuditException>(() =>
            provider.GetRequiredService<ILegalHoldService>().PlaceAsync(Subject, "litigation", "C-1", Counsel).AsTask());

        Assert.Single(await provider.GetRequiredService<ILegalHoldStore>().GetActiveAsync(Subject));
    }

    [Fact]
    public async Task PlacedHold_IsHonouredByErasure_AndTheCertificateNamesTheCase()
    {
        var crm = new FakePersonalDataSource("crm", ("Customer", "contact"), ("Invoice", "financial"));
        using var host = new RequestTestHost(sources: [crm]);
        var hold = await host.Services.GetRequiredService<ILegalHoldService>()
            .PlaceAsync("cust-42", "tax audit", "TAX-2024", Counsel, ["Invoice"]);
        var request = await host.InProgressAsync(SubjectRequestKind.Erasure);

        var outcome = await host.Executor.ExecuteAsync(request.Id, Counsel);

        var retained = Assert.Single(outcome.Certificate!.Retained);
        Assert.Equal("Invoice", retained.EntityType);
        Assert.Equal(hold.Id, retained.LegalHoldId);
        Assert.Equal("legal hold: tax audit (case TAX-2024)", retained.Reason);
        Assert.Equal(["Customer"], Assert.Single(crm.ErasedEntityTypes));
        Assert.Contains(host.Audit.Events, e => e.Action == "retention.legal-hold.place" && e.ResourceId == hold.Id);
    }

    [Fact]
    public void AddPrivacyKit_RegistersTheServiceOnceAndAUsersOwnWins()
    {
        var services = new ServiceCollection();
        services.AddPrivacyKit();
        services.AddPrivacyKit();
        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(ILegalHoldService));
        Assert.Equal(typeof(LegalHoldService), descriptor.ImplementationType);

        var own = new ServiceCollection();
        own.AddSingleton<ILegalHoldService, LegalHoldService>(sp => throw new InvalidOperationException("user's own"));
        own.AddPrivacyKit();
        Assert.NotNull(Assert.Single(own, d => d.ServiceType == typeof(ILegalHoldService)).ImplementationFactory);
    }

    private sealed class RefusingAuditTrail : IAuditTrail
    {
        public ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
            throw new AuditException("audit sink unavailable");
    }
}
