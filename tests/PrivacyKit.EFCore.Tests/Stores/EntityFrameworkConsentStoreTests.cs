using PrivacyKit.Consent;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>The consent-store contract (as the core's in-memory store honours it) on SQLite and PostgreSQL.</summary>
public sealed class EntityFrameworkConsentStoreTests
{
    private static ConsentRecord Record(string id, string subject = "s1") => new()
    {
        Id = id,
        SubjectId = subject,
        PurposeId = "marketing",
        Kind = ConsentEventKind.Granted,
        OccurredAt = StoreTestHost.Start,
        Source = ConsentSource.Import,
    };

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task AppendAsync_ReusedId_ThrowsInvalidOperationAndStoresNothing(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Consent;
        await store.AppendAsync(Record("r1"));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync(Record("r1", "s2")).AsTask());

        Assert.Contains("'r1'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.GetHistoryAsync("s2"));
        Assert.Single(await store.GetHistoryAsync("s1"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task GetHistoryAsync_ReturnsAppendOrderPerSubject(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Consent;
        await store.AppendAsync(Record("b"));
        await store.AppendAsync(Record("x", "s2"));
        await store.AppendAsync(Record("a"));

        Assert.Equal(["b", "a"], (await store.GetHistoryAsync("s1")).Select(r => r.Id));
        Assert.Equal(["x"], (await store.GetHistoryAsync("s2")).Select(r => r.Id));
        Assert.Empty(await store.GetHistoryAsync("nobody"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task GetHistoryAsync_EveryField_RoundTrips(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var full = new ConsentRecord
        {
            Id = "r-full",
            SubjectId = "cust-42",
            PurposeId = null,
            Kind = ConsentEventKind.OptedOutOfSaleOrSharing,
            OccurredAt = new DateTimeOffset(2026, 3, 2, 11, 30, 15, 123, TimeSpan.FromHours(2)),
            PolicyVersion = "2026-01",
            PolicyTextHash = "sha256:" + new string('a', 64),
            Source = ConsentSource.GlobalPrivacyControl,
            ProofReference = "form-submission-77",
            ExpiresAt = StoreTestHost.Start.AddYears(1),
        };

        await host.Consent.AppendAsync(full);

        Assert.Equal(full, Assert.Single(await host.Consent.GetHistoryAsync("cust-42")));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task PublicMethods_NullArguments_ThrowArgumentNullException(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);

        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Consent.AppendAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Consent.GetHistoryAsync(null!).AsTask());
    }
}
