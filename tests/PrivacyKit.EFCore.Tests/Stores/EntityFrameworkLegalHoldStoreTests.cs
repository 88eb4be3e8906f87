using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Retention;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>The legal-hold-store contract (as the core's in-memory store honours it) on SQLite and PostgreSQL.</summary>
public sealed class EntityFrameworkLegalHoldStoreTests
{
    private static LegalHold Hold(string id, string subject, params string[] entityTypes) => new()
    {
        Id = id,
        SubjectId = subject,
        Reason = "case 2026-17",
        EntityTypes = entityTypes,
        PlacedAt = StoreTestHost.Start,
        PlacedBy = "legal",
    };

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task PlaceAsync_ThenGetActive_ReturnsHoldForSubjectOnly(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Holds;
        await store.PlaceAsync(Hold("h1", "c1", "Customer", "Invoice"));
        await store.PlaceAsync(Hold("h2", "c2"));

        var active = Assert.Single(await store.GetActiveAsync("c1"));
        Assert.Equal(Hold("h1", "c1", "Customer", "Invoice") with { EntityTypes = active.EntityTypes }, active);
        Assert.Equal(["Customer", "Invoice"], active.EntityTypes);
        Assert.True(active.Covers("Invoice"));
        Assert.False(active.Covers("Note"));
        Assert.Empty(await store.GetActiveAsync("c3"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task PlaceAsync_DuplicateId_ThrowsInvalidOperationAndKeepsOriginal(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Holds;
        await store.PlaceAsync(Hold("h1", "c1"));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.PlaceAsync(Hold("h1", "c2")).AsTask());

        Assert.Contains("'h1'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.GetActiveAsync("c2"));
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ReleaseAsync_ActiveHold_ReleasesOnceAndKeepsRecord(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Holds;
        await store.PlaceAsync(Hold("h1", "c1"));
        var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var releases = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Retry.OnSqliteLockAsync(() => store.ReleaseAsync("h1", at))));

        Assert.Equal(1, releases.Count(r => r));
        Assert.False(await store.ReleaseAsync("unknown", at));
        Assert.Empty(await store.GetActiveAsync("c1"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PlaceAsync(Hold("h1", "c1")).AsTask());
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task PlaceAsync_BadArguments_Throw(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await StoreTestHost.CreateAsync(db);
        var store = host.Holds;

        await Assert.ThrowsAsync<ArgumentNullException>(() => store.PlaceAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.PlaceAsync(Hold(" ", "c1")).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.PlaceAsync(Hold("h2", "c1") with { EntityTypes = null! }).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.GetActiveAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.ReleaseAsync(null!, default).AsTask());
    }
}
