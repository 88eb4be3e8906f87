using System.Collections.Concurrent;
using Azure.Core;

namespace PrivacyKit.AzureKeyVault.Tests.TestSupport;

/// <summary>
/// Stands in for Azure.Identity's credentials, which cannot sign in here: hands out a fixed token the local
/// vault accepts (or rejects), and records what was asked for.
/// </summary>
internal sealed class TestTokenCredential(string token) : TokenCredential
{
    public string Token { get; } = token;

    public ConcurrentQueue<TokenRequestContext> Requests { get; } = new();

    /// <summary>Gets or sets an exception every token request throws.</summary>
    public Exception? Failure { get; set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        Requests.Enqueue(requestContext);
        return Failure is null ? new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1)) : throw Failure;
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
