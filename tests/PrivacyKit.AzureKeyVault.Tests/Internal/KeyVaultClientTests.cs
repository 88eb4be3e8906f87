using System.Security.Cryptography;
using System.Text.Json;
using PrivacyKit.AzureKeyVault.Internal;
using PrivacyKit.AzureKeyVault.Tests.TestSupport;

namespace PrivacyKit.AzureKeyVault.Tests.Internal;

public sealed class KeyVaultClientTests
{
    private const string Name = KeyVaultTestContext.KeyName;

    [Fact]
    public async Task WrapAsync_ThrottledTwice_RetriesAndSucceeds()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        context.Server.ScriptedFailures.Enqueue((429, "0"));
        context.Server.ScriptedFailures.Enqueue((429, "0"));

        KeyOperationResult result = await client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default);

        Assert.Equal(id, result.KeyId);
        Assert.Equal([401, 429, 429, 200], context.Server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task WrapAsync_RateLimited_WaitsForRetryAfterAndSucceeds()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        context.Server.ThrottleLimit = 2;
        context.Server.ThrottleWindow = TimeSpan.FromSeconds(30);
        context.Server.ThrottleRetryAfterSeconds = 1;

        for (int i = 0; i < 3; i++)
        {
            await client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default);
        }

        RecordedRequest[] requests = [.. context.Server.Requests];
        int throttled = Array.FindIndex(requests, r => r.Status == 429);
        Assert.True(throttled > 0, "the third wrap in one window is throttled");
        Assert.Equal(200, requests[throttled + 1].Status);
        Assert.True(requests[throttled + 1].ReceivedAt - requests[throttled].ReceivedAt >= TimeSpan.FromMilliseconds(900), "Retry-After: 1 is honoured");
        Assert.Equal(3, requests.Count(r => r.Status == 200));
    }

    [Fact]
    public async Task WrapAsync_VaultStaysThrottled_ThrowsTransientAfterRetries()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        for (int i = 0; i < 3; i++)
        {
            context.Server.ScriptedFailures.Enqueue((429, "0"));
        }

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(
            () => client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default).AsTask());

        Assert.Equal(429, ex.Status);
        Assert.Equal("Throttled", ex.ErrorCode);
        Assert.True(ex.IsTransient);
        Assert.Contains("cache data keys", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, context.Server.CountRequests(r => r.Status == 429));
    }

    [Fact]
    public async Task UnwrapAsync_VaultDown_ThrowsTransientAfterRetriesAndReturnsNothing()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        KeyOperationResult wrapped = await client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default);
        context.Server.FailureStatus = 503;

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(
            () => client.UnwrapAsync(id, KeyVaultAlgorithms.RsaOaep256, wrapped.Value, default).AsTask());

        Assert.Equal(503, ex.Status);
        Assert.Equal("ServiceUnavailable", ex.ErrorCode);
        Assert.True(ex.IsTransient);
        Assert.NotNull(ex.RequestId);
        Assert.Equal(id.ToString(), ex.KeyId);
        Assert.Contains("Nothing was wrapped or unwrapped", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, context.Server.CountRequests(r => r.Status == 503));
        Assert.Contains(context.Logger.Entries, e => e.EventId.Id == 7103 && e.Message.Contains(ex.RequestId!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnwrapAsync_VaultUnreachable_ThrowsTransientWithStatusZero()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        KeyOperationResult wrapped = await client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default);
        await context.Server.StopAsync();

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(
            () => client.UnwrapAsync(id, KeyVaultAlgorithms.RsaOaep256, wrapped.Value, default).AsTask());

        Assert.Equal(0, ex.Status);
        Assert.True(ex.IsTransient);
        Assert.Contains("could not be reached", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Fact]
    public async Task WrapAsync_VaultTooSlow_ThrowsTransientAfterNetworkTimeouts()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient(o =>
        {
            o.Retry.NetworkTimeout = TimeSpan.FromMilliseconds(300);
            o.Retry.MaxRetries = 1;
        });
        context.Server.ResponseDelay = TimeSpan.FromSeconds(10);

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(
            () => client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default).AsTask());

        Assert.Equal(0, ex.Status);
        Assert.True(ex.IsTransient);
        Assert.Equal(2, context.Server.CountRequests());
    }

    [Theory]
    [InlineData("<html>gateway</html>", "not JSON")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{}", "'kid'")]
    [InlineData("{\"kid\":\"{kid}\"}", "'value' is missing")]
    [InlineData("{\"kid\":\"{kid}\",\"value\":null}", "'value' is missing")]
    [InlineData("{\"kid\":\"{kid}\",\"value\":\"*not base64*\"}", "not base64url or base64")]
    [InlineData("{\"kid\":\"https://privacykit-test.vault.azure.net/keys/privacykit-kek\",\"value\":\"AAAA\"}", "'kid'")]
    public async Task WrapAsync_MalformedResponse_ThrowsNonTransientWithReason(string body, string reason)
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        context.Server.ResponseOverride = r => r.Operation == "wrapkey" ? (200, body.Replace("{kid}", id.ToString(), StringComparison.Ordinal)) : null;

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(
            () => client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default).AsTask());

        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.Equal(200, ex.Status);
        Assert.False(ex.IsTransient);
        Assert.Equal(1, context.Server.CountRequests(r => r.Operation == "wrapkey" && r.Status == 200));
    }

    [Fact]
    public async Task WrapAsync_ResponseForAnotherKeyVersion_Throws()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        string other = context.Server.KeyId(Name, "ffffffffffffffffffffffffffffffff");
        context.Server.ResponseOverride = r => r.Operation == "wrapkey" ? (200, JsonSerializer.Serialize(new { kid = other, value = "AAAA" })) : null;

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(
            () => client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default).AsTask());

        Assert.Contains($"answered for key '{other}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrapAsync_ErrorStatusWithoutJsonBody_ThrowsWithStatusAndNoCode()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        context.Server.ResponseOverride = r => r.Operation == "wrapkey" ? (409, "conflict") : null;

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(
            () => client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default).AsTask());

        Assert.Equal(409, ex.Status);
        Assert.Null(ex.ErrorCode);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task GetKeyAsync_MissingModulus_ThrowsMalformed()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        context.Server.ResponseOverride = r => r.Operation == "get"
            ? (200, JsonSerializer.Serialize(new { key = new { kid = id.ToString(), kty = "RSA", e = "AQAB" } }))
            : null;

        KeyVaultException ex = await Assert.ThrowsAsync<KeyVaultException>(() => client.GetKeyAsync(id, default).AsTask());

        Assert.Contains("'key.n'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_StandardBase64Responses_AreAccepted()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        context.Server.UseStandardBase64 = true;
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        byte[] dataKey = RandomNumberGenerator.GetBytes(32);

        KeyVaultKey key = await client.GetKeyAsync(id, default);
        KeyOperationResult wrapped = await client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, dataKey, default);
        KeyOperationResult unwrapped = await client.UnwrapAsync(id, KeyVaultAlgorithms.RsaOaep256, wrapped.Value, default);

        RSAParameters expected = context.Server.RsaKey(Name, id.Version!).ExportParameters(false);
        Assert.Equal(expected.Modulus, key.Modulus);
        Assert.Equal(expected.Exponent, key.Exponent);
        Assert.Equal(dataKey, unwrapped.Value);
    }
}
