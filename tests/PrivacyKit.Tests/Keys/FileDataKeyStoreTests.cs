using PrivacyKit.Encryption;
using PrivacyKit.Keys;
using PrivacyKit.Tests.Encryption;

namespace PrivacyKit.Tests.Keys;

public sealed class FileDataKeyStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("privacykit-store-").FullName;

    private string StoreFile => Path.Combine(_folder, "datakeys.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Changes_SurviveReopeningAndTheFileIsOwnerOnly()
    {
        using (var store = new FileDataKeyStore(StoreFile))
        {
            Assert.True(await store.TryAddAsync(InMemoryDataKeyStoreTests.Record("s", "00000000000000aa", 1)));
            Assert.True(await store.TryAddAsync(InMemoryDataKeyStoreTests.Record("t", "00000000000000bb", 1)));
            Assert.False(await store.TryAddAsync(InMemoryDataKeyStoreTests.Record("s", "00000000000000cc", 1)));
            await store.ShredAsync("t", Now);
            await store.TryReplaceWrappedKeyAsync("00000000000000aa", 1, "kek:1", new WrappedKey("kek:2", "A256GCM", new byte[] { 7, 7 }));
        }

        using var reopened = new FileDataKeyStore(StoreFile);
        var live = await reopened.FindLatestAsync("s");
        var shredded = await reopened.FindLatestAsync("t");
        Assert.Equal("kek:2", live!.KeyEncryptionKeyId);
        Assert.Equal(new byte[] { 7, 7 }, live.WrappedKey!.Ciphertext.ToArray());
        Assert.Equal(Now, live.CreatedAt);
        Assert.True(shredded!.IsShredded);
        Assert.Equal(Now, shredded.ShreddedAt);
        Assert.DoesNotContain("AQID", await File.ReadAllTextAsync(StoreFile), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StoreFile));
        }
    }

    [Fact]
    public async Task EncryptionThroughTheFileStore_DecryptsAfterARestart()
    {
        var kek = new TestKeyEncryptionKey();
        byte[] ciphertext;
        using (var store = new FileDataKeyStore(StoreFile))
        using (var host = new EncryptionTestHost(store, kek))
        {
            ciphertext = host.Encryptor.Encrypt("value", EncryptionTestHost.Context());
        }

        using var reopened = new FileDataKeyStore(StoreFile);
        using var restarted = new EncryptionTestHost(reopened, kek);
        Assert.Equal("value", restarted.Encryptor.Decrypt<string>(ciphertext, EncryptionTestHost.Context()));
    }

    [Fact]
    public void Constructor_CorruptFile_ThrowsInvalidOperationExceptionNamingTheFile()
    {
        File.WriteAllText(StoreFile, "{ not json");

        var e = Assert.Throws<InvalidOperationException>(() => new FileDataKeyStore(StoreFile));
        Assert.Contains(StoreFile, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryAddAsync_FileCannotBeWritten_ThrowsAndLeavesMemoryAsTheFile()
    {
        var blocked = Path.Combine(_folder, "blocked");
        using var store = new FileDataKeyStore(Path.Combine(blocked, "datakeys.json"));
        File.WriteAllText(blocked, "a file where the store's folder should be");

        await Assert.ThrowsAsync<IOException>(async () => await store.TryAddAsync(InMemoryDataKeyStoreTests.Record("s", "00000000000000aa", 1)));

        Assert.Null(await store.FindLatestAsync("s"));
    }

    [Fact]
    public void Constructor_EmptyPath_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>(() => new FileDataKeyStore(""));
}
