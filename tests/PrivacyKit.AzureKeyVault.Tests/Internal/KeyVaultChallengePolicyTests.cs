using Azure.Identity;
using PrivacyKit.AzureKeyVault.Internal;
using PrivacyKit.AzureKeyVault.Tests.TestSupport;
using PrivacyKit.Keys;

namespace PrivacyKit.AzureKeyVault.Tests.Internal;

public sealed class KeyVaultChallengePolicyTests
{
    [Fact]
    public async Task FirstRequest_GoesWithoutBodyOrToken_ThenWithTokenForChallengedScopeAndTenant()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();

        await client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default);

        RecordedRequest[] requests = [.. context.Server.Requests];
        Assert.Equal(2, requests.Length);
        Assert.Equal((null, 0, 401), (requests[0].Authorization, requests[0].BodyLength, requests[0].Status));
        Assert.Equal($"Bearer {context.Credential.Token}", requests[1].Authorization);
        Assert.True(requests[1].BodyLength > 0);
        Assert.Equal(200, requests[1].Status);
        Assert.Single(context.Credential.Requests);
        Assert.Equal(["https://vault.azure.net/.default"], context.Credential.Requests.Single().Scopes);
        Assert.Equal(context.Server.TenantId, context.Credential.Requests.Single().TenantId);
    }

    [Fact]
    public async Task LaterRequests_UseRememberedChallenge_OneRequestEach()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();
        KeyOperationResult wrapped = await client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default);

        await client.UnwrapAsync(id, KeyVaultAlgorithms.RsaOaep256, wrapped.Value, default);
        await client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default);

        Assert.Equal(4, context.Server.CountRequests());
        Assert.Equal(1, context.Server.CountRequests(r => r.Status == 401));
    }

    [Fact]
    public async Task Challenge_WithScopeInsteadOfResource_UsesScope()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        context.Server.Resource = null;
        context.Server.ChallengeScope = "https://vault.azure.net/.default";
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();

        await client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default);

        Assert.Equal(["https://vault.azure.net/.default"], context.Credential.Requests.Single().Scopes);
    }

    [Fact]
    public async Task Challenge_ResourceOutsideVaultDomain_IsRejectedBeforeAnyTokenOrBodyIsSent()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        context.Server.Resource = "https://attacker.example.com";
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();

        KeyManagementException ex = await Assert.ThrowsAsync<KeyManagementException>(() => client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default).AsTask());

        Assert.Contains("'attacker.example.com' is not a parent domain of the vault host 'privacykit-test.vault.azure.net'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("DisableChallengeResourceVerification", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
        Assert.Empty(context.Credential.Requests);
        Assert.All(context.Server.Requests, r => Assert.Equal((null, 0), (r.Authorization, r.BodyLength)));
        Assert.Contains(context.Logger.Entries, e => e.EventId.Id == 7105);
    }

    [Fact]
    public async Task Challenge_ResourceOutsideVaultDomainWithVerificationDisabled_IsAccepted()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        context.Server.Resource = "https://vault.contoso.example";
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient(o => o.DisableChallengeResourceVerification = true);

        await client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default);

        Assert.Equal(["https://vault.contoso.example/.default"], context.Credential.Requests.Single().Scopes);
    }

    [Fact]
    public async Task WrongToken_FailsWithUnauthorizedWithoutRetryLoop()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        var wrongCredential = new TestTokenCredential("token-the-vault-does-not-accept");
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient(o => o.Credential = wrongCredential);

        KeyVaultException first = await Assert.ThrowsAsync<KeyVaultException>(() => client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default).AsTask());
        int afterFirst = context.Server.CountRequests();
        KeyVaultException second = await Assert.ThrowsAsync<KeyVaultException>(() => client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default).AsTask());

        Assert.Equal((401, "Unauthorized", false), (first.Status, first.ErrorCode, first.IsTransient));
        Assert.Equal(401, second.Status);
        Assert.Contains("TokenCredential", first.Message, StringComparison.Ordinal);
        Assert.Equal(2, afterFirst);
        Assert.True(context.Server.CountRequests() - afterFirst <= 2);
    }

    [Fact]
    public async Task CredentialFailure_ThrowsKeyManagementExceptionNamingTheCredential()
    {
        await using KeyVaultTestContext context = await KeyVaultTestContext.StartAsync();
        context.Credential.Failure = new AuthenticationFailedException("sign-in failed");
        (KeyVaultClient client, KeyVaultKeyIdentifier id) = context.CreateClient();

        KeyManagementException ex = await Assert.ThrowsAsync<KeyManagementException>(() => client.WrapAsync(id, KeyVaultAlgorithms.RsaOaep256, new byte[32], default).AsTask());

        Assert.IsNotType<KeyVaultException>(ex);
        Assert.IsType<AuthenticationFailedException>(ex.InnerException);
        Assert.Contains("TokenCredential passed to AddAzureKeyVault", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, context.Server.CountRequests());
    }
}
