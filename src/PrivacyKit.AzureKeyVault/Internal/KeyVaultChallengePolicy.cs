using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;

namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>
/// Key Vault's challenge-based authentication, as the Azure SDK does it: until the vault has answered once,
/// a request goes without body and token; the 401 answer's <c>WWW-Authenticate: Bearer authorization="…",
/// resource="…"</c> (or <c>scope="…"</c>) says which tenant and scope to get a token for, and the request is
/// sent again with body and token. The challenge is remembered per policy (one per key-encryption key).
/// Unless disabled, the challenge's resource must be a parent domain of the vault's host, so that a spoofed
/// challenge cannot obtain a token for another resource.
/// </summary>
internal sealed class KeyVaultChallengePolicy : BearerTokenAuthenticationPolicy
{
    private const string StashedContentKey = "PrivacyKit.AzureKeyVault.StashedContent";
    private readonly string _keyId;
    private readonly bool _verifyResource;
    private readonly ILogger _logger;
    private volatile ChallengeParameters? _challenge;

    public KeyVaultChallengePolicy(TokenCredential credential, string keyId, bool verifyResource, ILogger logger)
        : base(credential, Array.Empty<string>())
    {
        _keyId = keyId;
        _verifyResource = verifyResource;
        _logger = logger;
    }

    protected override ValueTask AuthorizeRequestAsync(HttpMessage message) => AuthorizeAsync(message, async: true);

    protected override void AuthorizeRequest(HttpMessage message) => AuthorizeAsync(message, async: false).AsTask().GetAwaiter().GetResult();

    protected override ValueTask<bool> AuthorizeRequestOnChallengeAsync(HttpMessage message) => OnChallengeAsync(message, async: true);

    protected override bool AuthorizeRequestOnChallenge(HttpMessage message) => OnChallengeAsync(message, async: false).AsTask().GetAwaiter().GetResult();

    private async ValueTask AuthorizeAsync(HttpMessage message, bool async)
    {
        ChallengeParameters? challenge = _challenge;
        if (challenge is not null)
        {
            await AuthenticateAsync(message, challenge, async).ConfigureAwait(false);
            return;
        }

        // The first request goes without its body: the body carries key material, and it must not be sent
        // before the vault has said how it wants to be authenticated. A retry keeps the first stash.
        if (!message.TryGetProperty(StashedContentKey, out _))
        {
            if (message.Request.Content is { } body)
            {
                message.SetProperty(StashedContentKey, body);
                message.Request.Content = null;
            }
        }
    }

    private async ValueTask<bool> OnChallengeAsync(HttpMessage message, bool async)
    {
        if (message.Request.Content is null && message.TryGetProperty(StashedContentKey, out object? content))
        {
            message.Request.Content = content as RequestContent;
        }

        string? resource = BearerChallenge.GetParameter(message.Response, "resource");
        string? scope = resource is not null
            ? resource.TrimEnd('/') + "/.default"
            : BearerChallenge.GetParameter(message.Response, "scope");
        if (string.IsNullOrEmpty(scope))
        {
            return false;
        }

        string host = message.Request.Uri.Host ?? string.Empty;
        if (!Uri.TryCreate(scope, UriKind.Absolute, out Uri? scopeUri))
        {
            throw Reject(host, $"its scope '{scope}' is not an absolute URI.");
        }

        if (_verifyResource && !host.EndsWith("." + scopeUri.Host, StringComparison.OrdinalIgnoreCase))
        {
            throw Reject(host, $"its resource '{scopeUri.Host}' is not a parent domain of the vault host '{host}'. "
                + "If the vault is reached under another name (a proxy or private endpoint), set AzureKeyVaultOptions.DisableChallengeResourceVerification.");
        }

        string? authorization = BearerChallenge.GetParameter(message.Response, "authorization")
            ?? BearerChallenge.GetParameter(message.Response, "authorization_uri");
        if (authorization is null || !Uri.TryCreate(authorization, UriKind.Absolute, out Uri? authorizationUri))
        {
            throw Reject(host, "its authorization URI is missing or not an absolute URI.");
        }

        string? tenantId = authorizationUri.Segments.Length > 1 ? authorizationUri.Segments[1].Trim('/') : null;
        var challenge = new ChallengeParameters([scope], string.IsNullOrEmpty(tenantId) ? null : tenantId);
        _challenge = challenge;
        Log.ChallengeAccepted(_logger, host, scope);
        await AuthenticateAsync(message, challenge, async).ConfigureAwait(false);
        return true;
    }

    private async ValueTask AuthenticateAsync(HttpMessage message, ChallengeParameters challenge, bool async)
    {
        var context = new TokenRequestContext(challenge.Scopes, parentRequestId: message.Request.ClientRequestId, tenantId: challenge.TenantId);
        if (async)
        {
            await AuthenticateAndAuthorizeRequestAsync(message, context).ConfigureAwait(false);
        }
        else
        {
            AuthenticateAndAuthorizeRequest(message, context);
        }
    }

    private Keys.KeyManagementException Reject(string host, string reason)
    {
        Log.ChallengeRejected(_logger, host, reason);
        return Error.ChallengeRejected(_keyId, reason);
    }

    private sealed record ChallengeParameters(string[] Scopes, string? TenantId);
}
