using System.Text.Json;
using PrivacyKit.Keys;

namespace PrivacyKit.Tests.Keys;

public sealed class LocalKeyEncryptionKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("privacykit-kek-").FullName;

    private string KeyFile => Path.Combine(_folder, "keys", "kek.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void OpenOrCreate_MissingFile_CreatesAnOwnerOnlyRingWithOne256BitKey()
    {
        using var kek = LocalKeyEncryptionKey.OpenOrCreate(KeyFile);

        Assert.True(File.Exists(KeyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }

        using var document = JsonDocument.Parse(File.ReadAllText(KeyFile));
        var key = Assert.Single(document.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal(32, key.GetProperty("material").GetBytesFromBase64().Length);
        Assert.Equal(kek.KeyId, document.RootElement.GetProperty("current").GetString());
        Assert.StartsWith("local:", kek.KeyId, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(KeyFile)!, "*.tmp"));
    }

    [Fact]
    public async Task OpenOrCreate_ManyAtOnce_AllEndUpWithTheSameRing()
    {
        var keys = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => LocalKeyEncryptionKey.OpenOrCreate(KeyFile))));

        Assert.Single(keys.Select(k => k.KeyId).Distinct());
        Assert.Single(keys[0].KeyIds);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(KeyFile)!, "*.tmp"));
        foreach (var key in keys)
        {
            key.Dispose();
        }
    }

    [Fact]
    public async Task OpenOrCreate_ExistingFile_ReadsTheSameRing()
    {
        using var first = LocalKeyEncryptionKey.OpenOrCreate(KeyFile);
        var wrapped = await first.WrapKeyAsync(new byte[32]);

        using var second = LocalKeyEncryptionKey.OpenOrCreate(KeyFile);

        Assert.Equal(first.KeyId, second.KeyId);
        Assert.Equal(new byte[32], await second.UnwrapKeyAsync(wrapped));
        Assert.Equal("A256GCM", wrapped.Algorithm);
        Assert.Equal(first.KeyId, wrapped.KeyEncryptionKeyId);
    }

    [Fact]
    public async Task Rotate_NewKeyWrapsAndRetiredKeysStillUnwrap()
    {
        using var kek = LocalKeyEncryptionKey.OpenOrCreate(KeyFile);
        var material = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var old = await kek.WrapKeyAsync(material);
        var oldId = kek.KeyId;

        var newId = kek.Rotate();
        var fresh = await kek.WrapKeyAsync(material);

        Assert.NotEqual(oldId, newId);
        Assert.Equal(newId, kek.KeyId);
        Assert.Equal(newId, fresh.KeyEncryptionKeyId);
        Assert.Equal(new[] { oldId, newId }.Order(), kek.KeyIds.Order());
        Assert.Equal(material, await kek.UnwrapKeyAsync(old));
        Assert.Equal(material, await kek.UnwrapKeyAsync(fresh));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }
    }

    [Fact]
    public async Task UnwrapKeyAsync_KeyRotatedByAnotherProcess_RereadsTheFile()
    {
        using var here = LocalKeyEncryptionKey.OpenOrCreate(KeyFile);
        using var elsewhere = LocalKeyEncryptionKey.OpenOrCreate(KeyFile);
        elsewhere.Rotate();
        var wrapped = await elsewhere.WrapKeyAsync(new byte[32]);

        Assert.Equal(new byte[32], await here.UnwrapKeyAsync(wrapped));
        Assert.Equal(elsewhere.KeyId, here.KeyId);
    }

    [Fact]
    public void OpenOrCreate_FileReadableByOthers_ThrowsKeyManagementException()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        LocalKeyEncryptionKey.OpenOrCreate(KeyFile).Dispose();
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var e = Assert.Throws<KeyManagementException>(() => LocalKeyEncryptionKey.OpenOrCreate(KeyFile));
        Assert.Contains("chmod 600", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenOrCreate_NotAKeyRing_ThrowsKeyManagementException()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, "{\"current\":\"local:x\",\"keys\":[{\"id\":\"local:x\",\"material\":\"AAAA\"}]}");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var e = Assert.Throws<KeyManagementException>(() => LocalKeyEncryptionKey.OpenOrCreate(KeyFile));
        Assert.Contains(KeyFile, e.Message, StringComparison.Ordinal);
        Assert.IsType<FormatException>(e.InnerException);
    }

    [Fact]
    public async Task UnwrapKeyAsync_TamperedOrForeignWrappedKey_ThrowsKeyManagementException()
    {
        using var kek = LocalKeyEncryptionKey.OpenOrCreate(KeyFile);
        var wrapped = await kek.WrapKeyAsync(new byte[32]);
        var bytes = wrapped.Ciphertext.ToArray();
        bytes[20] ^= 1;

        await Assert.ThrowsAsync<KeyManagementException>(async () => await kek.UnwrapKeyAsync(new WrappedKey(wrapped.KeyEncryptionKeyId, wrapped.Algorithm, bytes)));
        var unknown = await Assert.ThrowsAsync<KeyManagementException>(async () => await kek.UnwrapKeyAsync(new WrappedKey("local:unknown", wrapped.Algorithm, wrapped.Ciphertext)));
        Assert.Equal("local:unknown", unknown.KeyId);
        await Assert.ThrowsAsync<KeyManagementException>(async () => await kek.UnwrapKeyAsync(new WrappedKey(wrapped.KeyEncryptionKeyId, "RSA-OAEP", wrapped.Ciphertext)));
    }

    [Fact]
    public async Task WrappedKey_PresentedAsAnotherKeyOfTheRing_DoesNotAuthenticate()
    {
        using var kek = LocalKeyEncryptionKey.OpenOrCreate(KeyFile);
        var firstId = kek.KeyId;
        kek.Rotate();
        var wrapped = await kek.WrapKeyAsync(new byte[32]);

        var e = await Assert.ThrowsAsync<KeyManagementException>(async () =>
            await kek.UnwrapKeyAsync(new WrappedKey(firstId, wrapped.Algorithm, wrapped.Ciphertext)));
        Assert.Equal(firstId, e.KeyId);
    }

    [Fact]
    public async Task WrapAndUnwrap_ManyAtOnce_EachKeyComesBackUnderItsOwnNonce()
    {
        using var kek = LocalKeyEncryptionKey.OpenOrCreate(KeyFile);
        var dataKeys = Enumerable.Range(0, 200).Select(_ => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToList();

        var wrapped = await Task.WhenAll(dataKeys.Select(k => Task.Run(async () => await kek.WrapKeyAsync(k))));
        var unwrapped = await Task.WhenAll(wrapped.Select(w => Task.Run(async () => await kek.UnwrapKeyAsync(w))));

        Assert.Equal(dataKeys, unwrapped);
        Assert.Equal(200, wrapped.Select(w => Convert.ToHexString(w.Ciphertext.Span[..12])).Distinct().Count());
    }

    [Fact]
    public async Task Disposed_RefusesToWrapOrUnwrap()
    {
        var kek = LocalKeyEncryptionKey.OpenOrCreate(KeyFile);
        var wrapped = await kek.WrapKeyAsync(new byte[32]);
        kek.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await kek.WrapKeyAsync(new byte[32]));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await kek.UnwrapKeyAsync(wrapped));
    }

    [Fact]
    public void OpenOrCreate_EmptyPath_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => LocalKeyEncryptionKey.OpenOrCreate(""));
        Assert.Throws<ArgumentNullException>(() => LocalKeyEncryptionKey.OpenOrCreate(null!));
    }
}
