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

    [Fact]
    public async Task RemoveHistoryAsync_RemovesOnlyThatSubjectAndIsIdempotent()
    {
        var store = new InMemoryConsentStore();
        await store.AppendAsync(Record("r1"));
        await store.AppendAsync(Record("r2"));
        await store.AppendAsync(Record("r3", "s2"));

        Assert.Equal(2, await store.RemoveHistoryAsync("s1"));
        Assert.Equal(0, await store.RemoveHistoryAsync("s1"));

        Assert.Empty(await store.GetHistoryAsync("s1"));
        Assert.Equal(["r3"], (await store.GetHistoryAsync("s2")).Select(r => r.Id));
    }

    [Fact]
    public async Task RemoveHistoryAsync_NullSubject_ThrowsArgumentNull()
    {
        var store = new InMemoryConsentStore();
        await Assert.ThrowsAsync<ArgumentNullException>("subjectId", () => store.RemoveHistoryAsync(null!).AsTask());
    }
}
