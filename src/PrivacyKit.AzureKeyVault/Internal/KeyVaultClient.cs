using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using PrivacyKit.Keys;

namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>
/// A small Key Vault keys client on Azure.Core's pipeline: <c>GET key</c>, <c>wrapkey</c> and <c>unwrapkey</c>,
/// with challenge-based authentication, retries (429 and 5xx, honouring <c>Retry-After</c>) and Azure.Core's
/// diagnostics. Every failure becomes a <see cref="KeyManagementException"/>; nothing partial is returned.
/// </summary>
internal sealed class KeyVaultClient
{
    /// <summary>The Key Vault REST API version (generally available, supported by Key Vault and Managed HSM).</summary>
    public const string ApiVersion = "2025-07-01";

    private readonly HttpPipeline _pipeline;
    private readonly ILogger _logger;

    public KeyVaultClient(AzureKeyVaultOptions options, KeyVaultKeyIdentifier keyId, ILogger logger)
    {
        _logger = logger;
        var authentication = new KeyVaultChallengePolicy(
            options.Credential!, keyId.ToString(), !options.DisableChallengeResourceVerification, logger);
        _pipeline = HttpPipelineBuilder.Build(options, [], [authentication], new ResponseClassifier());
    }

    public async ValueTask<KeyVaultKey> GetKeyAsync(KeyVaultKeyIdentifier keyId, CancellationToken cancellationToken)
    {
        using HttpMessage message = CreateMessage(RequestMethod.Get, keyId, operationPath: null, body: null);
        Response response = await SendAsync(message, Operations.GetKey, keyId, cancellationToken).ConfigureAwait(false);
        KeyVaultKey key = KeyVaultJson.ReadKey(response.Content.ToMemory(), out string? reason)
            ?? throw Error.MalformedResponse(Operations.GetKey, keyId.ToString(), response.Status, RequestId(response), reason!);
        CheckAnsweredFor(Operations.GetKey, keyId, key.Id, response);
        return key;
    }

    public ValueTask<KeyOperationResult> WrapAsync(KeyVaultKeyIdentifier keyId, string algorithm, ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken) =>
        KeyOperationAsync(Operations.Wrap, keyId, algorithm, dataKey, cancellationToken);

    public ValueTask<KeyOperationResult> UnwrapAsync(KeyVaultKeyIdentifier keyId, string algorithm, ReadOnlyMemory<byte> wrappedKey, CancellationToken cancellationToken) =>
        KeyOperationAsync(Operations.Unwrap, keyId, algorithm, wrappedKey, cancellationToken);

    private async ValueTask<KeyOperationResult> KeyOperationAsync(
        string operation, KeyVaultKeyIdentifier keyId, string algorithm, ReadOnlyMemory<byte> value, CancellationToken cancellationToken)
    {
        byte[] body = KeyVaultJson.WriteKeyOperation(algorithm, value.Span);
        try
        {
            using HttpMessage message = CreateMessage(RequestMethod.Post, keyId, operation, body);
            Response response = await SendAsync(message, operation, keyId, cancellationToken).ConfigureAwait(false);
            KeyOperationResult result = KeyVaultJson.ReadKeyOperation(response.Content.ToMemory(), out string? reason)
                ?? throw Error.MalformedResponse(operation, keyId.ToString(), response.Status, RequestId(response), reason!);
            CheckAnsweredFor(operation, keyId, result.KeyId, response, result.Value);
            return result;
        }
        finally
        {
            Array.Clear(body);
        }
    }

    private HttpMessage CreateMessage(RequestMethod method, KeyVaultKeyIdentifier keyId, string? operationPath, byte[]? body)
    {
        HttpMessage message = _pipeline.CreateMessage();
        Request request = message.Request;
        request.Method = method;
        string path = "keys/" + keyId.Name + (keyId.Version is null ? string.Empty : "/" + keyId.Version) + (operationPath is null ? string.Empty : "/" + operationPath);
        request.Uri.Reset(new Uri(keyId.VaultUri, path));
        request.Uri.AppendQuery("api-version", ApiVersion);
        request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        if (body is not null)
        {
            request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
            request.Content = RequestContent.Create(body);
        }

        return message;
    }

    private async ValueTask<Response> SendAsync(HttpMessage message, string operation, KeyVaultKeyIdentifier keyId, CancellationToken cancellationToken)
    {
        try
        {
            await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationFailedException ex)
        {
            throw Error.CredentialFailed(keyId.ToString(), ex);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException && !cancellationToken.IsCancellationRequested)
        {
            // A transport failure or timeout (no response); after the retries Azure.Core aggregates one per attempt.
            Log.OperationFailed(_logger, operation, keyId.ToString(), 0, null, true, null);
            throw Error.VaultUnreachable(operation, keyId.ToString(), ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            Log.OperationFailed(_logger, operation, keyId.ToString(), 0, "Timeout", true, null);
            throw Error.VaultUnreachable(operation, keyId.ToString(), ex);
        }

        Response response = message.Response;
        if (response.Status != 200)
        {
            (string? code, string? vaultMessage) = KeyVaultJson.ReadError(response.Content.ToMemory());
            string? requestId = RequestId(response);
            Log.OperationFailed(_logger, operation, keyId.ToString(), response.Status, code, Error.IsTransientStatus(response.Status), requestId);
            throw Error.VaultRefused(operation, keyId.ToString(), response.Status, code, vaultMessage, requestId);
        }

        return response;
    }

    private static void CheckAnsweredFor(string operation, KeyVaultKeyIdentifier asked, KeyVaultKeyIdentifier answered, Response response, byte[]? toClear = null)
    {
        if (asked.IsSameKey(answered) && (asked.Version is null || string.Equals(asked.Version, answered.Version, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        if (toClear is not null)
        {
            Array.Clear(toClear);
        }

        throw Error.ResponseForOtherKey(operation, asked.ToString(), answered.ToString(), RequestId(response));
    }

    private static string? RequestId(Response response) =>
        response.Headers.TryGetValue("x-ms-request-id", out string? requestId) ? requestId : null;
}
