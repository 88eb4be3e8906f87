using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Core.Diagnostics;
using PrivacyKit.AzureKeyVault.Internal;
using PrivacyKit.AzureKeyVault.Tests.TestSupport;
using PrivacyKit.Keys;

namespace PrivacyKit.AzureKeyVault.Tests.Internal;

public sealed class AzureKeyVaultKeyEncryptionKeyTests
{
    private const string Name = KeyVaultTestContext.KeyName;

    [Fact]
    public async Task WrapKeyAsync_RsaKey_WrapsInVaultWithRsaOaep256AndUnwraps()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        string version = context.Server.CreateRsaKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek();
        byte[] dataKey = RandomNumberGenerator.GetBytes(32);
        string keyIdBeforeFirstCall = kek.KeyId;

        WrappedKey wrapped = await kek.WrapKeyAsync(dataKey);
        byte[] unwrapped = await kek.UnwrapKeyAsync(wrapped);

        Assert.Equal(context.Server.KeyId(Name, version), wrapped.KeyEncryptionKeyId);
        Assert.Equal("RSA-OAEP-256", wrapped.Algorithm);
        Assert.Equal(256, wrapped.Ciphertext.Length);
        Assert.Equal(dataKey, context.Server.RsaKey(Name, version).Decrypt(wrapped.Ciphertext.ToArray(), RSAEncryptionPadding.OaepSHA256));
        Assert.Equal(dataKey, unwrapped);
        Assert.Equal(context.KeyUri().ToString(), keyIdBeforeFirstCall);
        Assert.Equal(context.Server.KeyId(Name, version), kek.KeyId);
        Assert.Equal(1, context.Server.CountRequests(r => r.Operation == "wrapkey" && r.Status == 200));
        Assert.Equal(1, context.Server.CountRequests(r => r.Operation == "unwrapkey" && r.Status == 200));
        Assert.All(context.Server.Requests, r => Assert.Equal(KeyVaultClient.ApiVersion, r.ApiVersion));
    }

    [Fact]
    public async Task WrapKeyAsync_WrapLocally_WrapsWithPublicKeyAndOnlyUnwrapCallsVault()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        string version = context.Server.CreateRsaKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek(configure: o => o.WrapLocally = true);
        byte[][] dataKeys = [RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(16)];

        var wrapped = new List<WrappedKey>();
        foreach (byte[] dataKey in dataKeys)
        {
            wrapped.Add(await kek.WrapKeyAsync(dataKey));
        }

        Assert.Equal(0, context.Server.CountRequests(r => r.Operation == "wrapkey"));
        Assert.Equal(1, context.Server.CountRequests(r => r.Operation == "get" && r.Status == 200));
        for (int i = 0; i < dataKeys.Length; i++)
        {
            Assert.Equal(context.Server.KeyId(Name, version), wrapped[i].KeyEncryptionKeyId);
            Assert.Equal(dataKeys[i], await kek.UnwrapKeyAsync(wrapped[i]));
        }

        Assert.Equal(3, context.Server.CountRequests(r => r.Operation == "unwrapkey" && r.Status == 200));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WrapKeyAsync_KeyRotatedInVault_NewWrapsUseNewVersionAfterRefreshAndOldKeysStillUnwrap(bool wrapLocally)
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        string v1 = context.Server.CreateRsaKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek(configure: o => o.WrapLocally = wrapLocally);
        byte[] oldKey = RandomNumberGenerator.GetBytes(32), newKey = RandomNumberGenerator.GetBytes(32);
        WrappedKey oldWrapped = await kek.WrapKeyAsync(oldKey);

        string v2 = context.Server.CreateRsaKey(Name);
        WrappedKey beforeRefresh = await kek.WrapKeyAsync(newKey);
        context.Time.Advance(TimeSpan.FromMinutes(10));
        WrappedKey newWrapped = await kek.WrapKeyAsync(newKey);

        Assert.Equal(context.Server.KeyId(Name, v1), oldWrapped.KeyEncryptionKeyId);
        Assert.Equal(context.Server.KeyId(Name, v1), beforeRefresh.KeyEncryptionKeyId);
        Assert.Equal(context.Server.KeyId(Name, v2), newWrapped.KeyEncryptionKeyId);
        Assert.Equal(context.Server.KeyId(Name, v2), kek.KeyId);
        Assert.Equal(oldKey, await kek.UnwrapKeyAsync(oldWrapped));
        Assert.Equal(newKey, await kek.UnwrapKeyAsync(newWrapped));
        Assert.Contains(context.Logger.Entries, e => e.EventId.Id == 7102);
        Assert.Contains(context.Server.Requests, r => r.Operation == "unwrapkey" && r.Path.Contains(v1, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrapKeyAsync_ConcurrentFirstCalls_FetchTheKeyOnce()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        string version = context.Server.CreateRsaKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek(configure: o => o.WrapLocally = true);

        WrappedKey[] wrapped = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => kek.WrapKeyAsync(new byte[32]).AsTask()));

        Assert.All(wrapped, w => Assert.Equal(context.Server.KeyId(Name, version), w.KeyEncryptionKeyId));
        Assert.Equal(1, context.Server.CountRequests(r => r.Operation == "get" && r.Status == 200));
    }

    [Fact]
    public async Task WrapKeyAsync_PinnedVersion_KeepsWrappingWithThatVersionAfterRotation()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        string v1 = context.Server.CreateRsaKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek(version: v1);
        context.Server.CreateRsaKey(Name);
        context.Time.Advance(TimeSpan.FromHours(1));

        WrappedKey wrapped = await kek.WrapKeyAsync(new byte[32]);

        Assert.Equal(context.Server.KeyId(Name, v1), wrapped.KeyEncryptionKeyId);
        Assert.Equal(context.Server.KeyId(Name, v1), kek.KeyId);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task WrapKeyAsync_ManagedHsmOctKey_WrapsInVaultWithA256KW(bool wrapLocally)
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync(managedHsm: true);
        string version = context.Server.CreateOctHsmKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek(configure: o => o.WrapLocally = wrapLocally);
        byte[] dataKey = RandomNumberGenerator.GetBytes(32);

        WrappedKey wrapped = await kek.WrapKeyAsync(dataKey);

        Assert.Equal("A256KW", wrapped.Algorithm);
        Assert.Equal(40, wrapped.Ciphertext.Length);
        Assert.Equal(context.Server.KeyId(Name, version), wrapped.KeyEncryptionKeyId);
        Assert.Equal(dataKey, await kek.UnwrapKeyAsync(wrapped));
        Assert.Equal(1, context.Server.CountRequests(r => r.Operation == "wrapkey" && r.Status == 200));
        Assert.Contains(context.Credential.Requests, r => r.Scopes.SequenceEqual(["https://managedhsm.azure.net/.default"]));
    }

    [Fact]
    public async Task WrapKeyAsync_WrapLocallyWithDisabledVersion_ThrowsWithoutWrapping()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        string version = context.Server.CreateRsaKey(Name);
        context.Server.SetEnabled(Name, version, enabled: false);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek(configure: o => o.WrapLocally = true);

        KeyManagementException ex = await Assert.ThrowsAsync<KeyManagementException>(() => kek.WrapKeyAsync(new byte[32]).AsTask());

        Assert.Contains("disabled", ex.Message, StringComparison.Ordinal);
        Assert.Equal(context.Server.KeyId(Name, version), ex.KeyId);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task WrapKeyAsync_WrapLocallyWithoutWrapKeyOperation_Throws()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        context.Server.CreateRsaKey(Name, operations: ["unwrapKey"]);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek(configure: o => o.WrapLocally = true);

        KeyManagementException ex = await Assert.ThrowsAsync<KeyManagementException>(() => kek.WrapKeyAsync(new byte[32]).AsTask());

        Assert.Contains("wrapKey", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrapKeyAsync_DisabledVersionInVault_ThrowsForbiddenKeyVaultException()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        string version = context.Server.CreateRsaKey(Name);
        context.Server.SetEnabled(Name, version, enabled: false);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek();

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(() => kek.WrapKeyAsync(new byte[32]).AsTask());

        Assert.Equal(403, ex.Status);
        Assert.Equal("Forbidden", ex.ErrorCode);
        Assert.False(ex.IsTransient);
        Assert.Contains("Key Vault Crypto Service Encryption User", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(31)]
    [InlineData(72)]
    public async Task WrapKeyAsync_DataKeyOfUnsupportedLength_ThrowsArgumentException(int length)
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek();

        ArgumentException ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => kek.WrapKeyAsync(new byte[length]).AsTask());

        Assert.Equal("dataKey", ex.ParamName);
        Assert.Empty(context.Server.Requests);
    }

    [Theory]
    [InlineData("https://other-vault.vault.azure.net/keys/privacykit-kek/0123456789abcdef0123456789abcdef")]
    [InlineData("https://privacykit-test.vault.azure.net/keys/another-key/0123456789abcdef0123456789abcdef")]
    [InlineData("https://privacykit-test.vault.azure.net/keys/privacykit-kek")]
    [InlineData("local:file-kek:1")]
    public async Task UnwrapKeyAsync_KeyWrappedByAnotherKek_ThrowsWithoutCallingVault(string wrappingKeyId)
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek();

        KeyManagementException ex = await Assert.ThrowsAsync<KeyManagementException>(
            () => kek.UnwrapKeyAsync(new WrappedKey(wrappingKeyId, "RSA-OAEP-256", new byte[256])).AsTask());

        Assert.Contains(wrappingKeyId, ex.Message, StringComparison.Ordinal);
        Assert.Contains("is configured with key", ex.Message, StringComparison.Ordinal);
        Assert.Empty(context.Server.Requests);
    }

    [Fact]
    public async Task UnwrapKeyAsync_UnsupportedAlgorithm_ThrowsWithoutCallingVault()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        string version = context.Server.CreateRsaKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek();

        KeyManagementException ex = await Assert.ThrowsAsync<KeyManagementException>(
            () => kek.UnwrapKeyAsync(new WrappedKey(context.Server.KeyId(Name, version), "RSA1_5", new byte[256])).AsTask());

        Assert.Contains("RSA1_5", ex.Message, StringComparison.Ordinal);
        Assert.Empty(context.Server.Requests);
    }

    [Fact]
    public async Task UnwrapKeyAsync_CorruptCiphertext_ThrowsBadParameter()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        context.Server.CreateRsaKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek();
        WrappedKey wrapped = await kek.WrapKeyAsync(new byte[32]);
        byte[] corrupt = wrapped.Ciphertext.ToArray();
        corrupt[10] ^= 0xFF;

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(
            () => kek.UnwrapKeyAsync(new WrappedKey(wrapped.KeyEncryptionKeyId, wrapped.Algorithm, corrupt)).AsTask());

        Assert.Equal(400, ex.Status);
        Assert.Equal("BadParameter", ex.ErrorCode);
        Assert.Contains("corrupt", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task UnwrapKeyAsync_VersionDeletedFromVault_ThrowsKeyNotFoundWithRequestId()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        context.Server.CreateRsaKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek();

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(
            () => kek.UnwrapKeyAsync(new WrappedKey(context.Server.KeyId(Name, "0123456789abcdef0123456789abcdef"), "RSA-OAEP-256", new byte[256])).AsTask());

        Assert.Equal(404, ex.Status);
        Assert.Equal("KeyNotFound", ex.ErrorCode);
        Assert.True(Guid.TryParse(ex.RequestId, out _));
        Assert.Contains(ex.RequestId!, ex.Message, StringComparison.Ordinal);
        Assert.Equal(context.Server.KeyId(Name, "0123456789abcdef0123456789abcdef"), ex.KeyId);
    }

    [Fact]
    public async Task UnwrapKeyAsync_Canceled_ThrowsOperationCanceled()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        string version = context.Server.CreateRsaKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => kek.UnwrapKeyAsync(new WrappedKey(context.Server.KeyId(Name, version), "RSA-OAEP-256", new byte[256]), cancellation.Token).AsTask());
    }

    [Fact]
    public async Task Failures_ExceptionsAndLogs_NeverContainTheTokenOrKeyBytes()
    {
        var azureEvents = new ConcurrentQueue<string>();
        using var listener = new AzureEventSourceListener(
            (e, message) => azureEvents.Enqueue(message + " " + string.Join(' ', e.Payload ?? [])), EventLevel.Verbose);
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        context.Server.CreateRsaKey(Name);
        AzureKeyVaultKeyEncryptionKey kek = context.CreateKek();
        byte[] canaryKey = RandomNumberGenerator.GetBytes(32);
        WrappedKey wrapped = await kek.WrapKeyAsync(canaryKey);
        Assert.Equal(canaryKey, await kek.UnwrapKeyAsync(wrapped));
        var failures = new List<Exception?>();

        // A vault (or proxy) answering for another key, with the key bytes in the body.
        string leaked = JsonSerializer.Serialize(new { kid = "https://elsewhere.vault.azure.net/keys/other/1", value = Base64Url.EncodeToString(canaryKey) });
        context.Server.ResponseOverride = r => r.Operation == "unwrapkey" ? (200, leaked) : null;
        failures.Add(await Record.ExceptionAsync(() => kek.UnwrapKeyAsync(wrapped).AsTask()));
        context.Server.ResponseOverride = null;
        context.Server.FailureStatus = 503;
        failures.Add(await Record.ExceptionAsync(() => kek.UnwrapKeyAsync(wrapped).AsTask()));
        context.Server.FailureStatus = null;
        context.Server.AcceptedTokens.Clear();
        failures.Add(await Record.ExceptionAsync(() => kek.UnwrapKeyAsync(wrapped).AsTask()));
        failures.Add(await Record.ExceptionAsync(() => kek.WrapKeyAsync(canaryKey).AsTask()));

        Assert.All(failures, f => Assert.IsAssignableFrom<KeyManagementException>(f));
        Assert.NotEmpty(azureEvents);
        string everything = string.Join('\n', failures.Select(f => f!.ToString()))
            + string.Join('\n', context.Logger.Entries.Select(e => e.Message))
            + string.Join('\n', azureEvents);
        foreach (string secret in new[] { context.Credential.Token, Base64Url.EncodeToString(canaryKey), Convert.ToBase64String(canaryKey), Convert.ToHexString(canaryKey) })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.OrdinalIgnoreCase);
        }
    }
}
