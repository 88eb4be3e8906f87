using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Retention;

public sealed class InMemoryLegalHoldStoreTests
{
    [Fact]
    public async Task PlaceAsync_ThenGetActive_ReturnsHoldForSubjectOnly()
    {
        var store = new InMemoryLegalHoldStore();
        await store.PlaceAsync(RetentionTestHost.Hold("h1", "c1"));
        await store.PlaceAsync(RetentionTestHost.Hold("h2", "c2"));
        Assert.Equal(["h1"], (await store.GetActiveAsync("c1")).Select(h => h.Id));
        Assert.Empty(await store.GetActiveAsync("c3"));
    }

    [Fact]
    public async Task PlaceAsync_DuplicateId_ThrowsInvalidOperationAndKeepsOriginal()
    {
        var store = new InMemoryLegalHoldStore();
        await store.PlaceAsync(RetentionTestHost.Hold("h1", "c1"));
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.PlaceAsync(RetentionTestHost.Hold("h1", "c2")).AsTask());
        Assert.Contains("'h1'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.GetActiveAsync("c2"));
    }

    [Fact]
    public async Task ReleaseAsync_ActiveHold_ReleasesOnceAndKeepsRecord()
    {
        var store = new InMemoryLegalHoldStore();
        await store.PlaceAsync(RetentionTestHost.Hold("h1", "c1"));
        var at = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        Assert.True(await store.ReleaseAsync("h1", at));
        Assert.False(await store.ReleaseAsync("h1", at));
        Assert.False(await store.ReleaseAsync("unknown", at));
        Assert.Empty(await store.GetActiveAsync("c1"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PlaceAsync(RetentionTestHost.Hold("h1", "c1")).AsTask());
    }

    [Fact]
    public async Task PlaceAsync_BadArguments_Throw()
    {
        var store = new InMemoryLegalHoldStore();
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.PlaceAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.PlaceAsync(RetentionTestHost.Hold(" ", "c1")).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => store.PlaceAsync(RetentionTestHost.Hold("h2", "c1") with { EntityTypes = null! }).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.GetActiveAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => store.ReleaseAsync(null!, default).AsTask());
    }
}
