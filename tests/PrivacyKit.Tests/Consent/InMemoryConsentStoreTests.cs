using PrivacyKit.Consent;

namespace PrivacyKit.Tests.Consent;

public sealed class InMemoryConsentStoreTests
{
    private static ConsentRecord Record(string id, string subject = "s1") => new()
    {
        Id = id,
        SubjectId = subject,
        PurposeId = "marketing",
        Kind = ConsentEventKind.Granted,
        OccurredAt = ConsentTestHost.Start,
        Source = ConsentSource.Import,
    };

    [Fact]
    public async Task AppendAsync_ReusedId_ThrowsInvalidOperation()
    {
        var store = new InMemoryConsentStore();
        await store.AppendAsync(Record("r1"));
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync(Record("r1", "s2")).AsTask());
        Assert.Contains("'r1'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await store.GetHistoryAsync("s2"));
    }

    [Fact]
    public async Task GetHistoryAsync_ReturnsAppendOrderPerSubject()
    {
        var store = new InMemoryConsentStore();
        await store.AppendAsync(Record("b"));
        await store.AppendAsync(Record("x", "s2"));
        await store.AppendAsync(Record("a"));
        Assert.Equal(["b", "a"], (await store.GetHistoryAsync("s1")).Select(r => r.Id));
        Assert.Equal(["x"], (await store.GetHistoryAsync("s2")).Select(r => r.Id));
    }

    [Fact]
    public async Task GetHistoryAsync_ReturnsSnapshotNotLiveList()
    {
        var store = new InMemoryConsentStore();
        await store.AppendAsync(Record("a"));
        var snapshot = await store.GetHistoryAsync("s1");
        await store.AppendAsync(Record("b"));
        Assert.Single(snapshot);
    }
}
