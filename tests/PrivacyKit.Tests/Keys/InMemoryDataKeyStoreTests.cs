using PrivacyKit.Keys;

namespace PrivacyKit.Tests.Keys;

public sealed class InMemoryDataKeyStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly InMemoryDataKeyStore _store = new();

    internal static DataKeyRecord Record(string scope, string keyId, int version, string kek = "kek:1") =>
        new(scope, keyId, version, new WrappedKey(kek, "A256GCM", new byte[] { 1, 2, 3 }), Now);

    [Fact]
    public async Task TryAddAsync_DuplicateScopeAndVersion_ReportsAConflictAndKeepsTheFirst()
    {
        var first = Record("subject:1", "00000000000000aa", 1);

        Assert.True(await _store.TryAddAsync(first));
        Assert.False(await _store.TryAddAsync(Record("subject:1", "00000000000000bb", 1)));
        Assert.False(await _store.TryAddAsync(Record("subject:2", "00000000000000aa", 1)));
        Assert.False(await _store.TryAddAsync(Record("subject:2", "00000000000000aa", 2)));

        Assert.Same(first, await _store.FindLatestAsync("subject:1"));
        Assert.Null(await _store.FindLatestAsync("subject:2"));
    }

    [Fact]
    public async Task TryAddAsync_RaceForTheSameVersion_ExactlyOneWinner()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
            await _store.TryAddAsync(Record("subject:race", $"{i:x16}", 1)))));

        Assert.Equal(1, results.Count(r => r));
        var winner = await _store.FindLatestAsync("subject:race");
        Assert.Equal(Array.IndexOf(results, true), Convert.ToInt32(winner!.KeyId, 16));
    }

    [Fact]
    public async Task FindLatestAsync_ReturnsTheHighestVersion()
    {
        await _store.TryAddAsync(Record("s", "00000000000000aa", 2));
        await _store.TryAddAsync(Record("s", "00000000000000aa", 1));

        Assert.Equal(2, (await _store.FindLatestAsync("s"))!.Version);
        Assert.Equal(1, (await _store.FindAsync("00000000000000AA", 1))!.Version);
    }

    [Fact]
    public async Task ShredAsync_RemovesTheMaterialOfEveryVersionAndKeepsTombstones()
    {
        await _store.TryAddAsync(Record("s", "00000000000000aa", 1));
        await _store.TryAddAsync(Record("s", "00000000000000aa", 2));

        Assert.Equal(2, await _store.ShredAsync("s", Now));
        Assert.Equal(0, await _store.ShredAsync("s", Now));
        Assert.Equal(0, await _store.ShredAsync("unknown", Now));

        var tombstone = await _store.FindAsync("00000000000000aa", 1);
        Assert.True(tombstone!.IsShredded);
        Assert.Null(tombstone.WrappedKey);
        Assert.Equal("kek:1", tombstone.KeyEncryptionKeyId);
        Assert.False(await _store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "kek:1", new WrappedKey("kek:2", "A256GCM", new byte[] { 9 })));
    }

    [Fact]
    public async Task TryReplaceWrappedKeyAsync_ComparesTheExpectedKeyEncryptionKey()
    {
        await _store.TryAddAsync(Record("s", "00000000000000aa", 1));
        var rewrapped = new WrappedKey("kek:2", "A256GCM", new byte[] { 9 });

        Assert.False(await _store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "kek:other", rewrapped));
        Assert.True(await _store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "kek:1", rewrapped));
        Assert.False(await _store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "kek:1", rewrapped));
        Assert.Equal("kek:2", (await _store.FindAsync("00000000000000aa", 1))!.KeyEncryptionKeyId);
    }

    [Fact]
    public async Task PublicMethods_NullArguments_ThrowArgumentNullException()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await _store.TryAddAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await _store.FindLatestAsync(null!));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await _store.ShredAsync(null!, Now));
    }
}
