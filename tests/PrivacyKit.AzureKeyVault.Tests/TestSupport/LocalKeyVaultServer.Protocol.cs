using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PrivacyKit.AzureKeyVault.Tests.TestSupport;

/// <summary>The Key Vault REST protocol of the local vault.</summary>
internal sealed partial class LocalKeyVaultServer
{
    private async Task HandleAsync(HttpContext context)
    {
        HttpRequest request = context.Request;
        HttpResponse response = context.Response;
        response.Headers["x-ms-request-id"] = Guid.NewGuid().ToString();
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        string body = await reader.ReadToEndAsync();
        string? authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null;
        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "/", request.Query["api-version"].FirstOrDefault(), authorization, body.Length, DateTimeOffset.UtcNow);
        Requests.Enqueue(recorded);
        if (ResponseDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(ResponseDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        (int status, string text) = Answer(recorded, body, response);
        recorded.Status = status;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(text);
    }

    private (int Status, string Body) Answer(RecordedRequest request, string body, HttpResponse response)
    {
        if (request.ApiVersion is null)
        {
            return ErrorBody(400, "BadParameter", "The request URI must contain an api-version query parameter.");
        }

        string? token = request.Authorization is { } header && header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (token is null || !AcceptedTokens.ContainsKey(token))
        {
            string parameter = Resource is not null ? $"resource=\"{Resource}\"" : $"scope=\"{ChallengeScope}\"";
            response.Headers.WWWAuthenticate = $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", {parameter}";
            return token is null
                ? ErrorBody(401, "Unauthorized", "AKV10000: Request is missing a Bearer or PoP token.")
                : ErrorBody(401, "Unauthorized", "AKV10032: Invalid issuer. Expected one of https://sts.windows.net/..., found another.");
        }

        if (IsThrottled())
        {
            response.Headers.RetryAfter = ThrottleRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ErrorBody(429, "Throttled", "Request was not allowed because application has exceeded the request rate limit.");
        }

        if (ScriptedFailures.TryDequeue(out (int Status, string? RetryAfter) failure))
        {
            if (failure.RetryAfter is not null)
            {
                response.Headers.RetryAfter = failure.RetryAfter;
            }

            return ErrorBody(failure.Status, failure.Status == 429 ? "Throttled" : "ServiceUnavailable", "The service is temporarily unavailable.");
        }

        if (FailureStatus is int down)
        {
            return ErrorBody(down, "ServiceUnavailable", "The service is temporarily unavailable.");
        }

        if (ResponseOverride?.Invoke(request) is { } overridden)
        {
            return overridden;
        }

        string[] segments = request.Path.Trim('/').Split('/');
        string? operation = segments[^1] is "wrapkey" or "unwrapkey" ? segments[^1] : null;
        int keySegments = segments.Length - (operation is null ? 0 : 1);
        if (segments[0] != "keys" || keySegments is < 2 or > 3
            || (operation is null) != (request.Method == HttpMethods.Get) || (operation is not null && request.Method != HttpMethods.Post))
        {
            return ErrorBody(400, "BadParameter", "The request is not a supported key operation.");
        }

        string name = segments[1];
        LocalKeyVersion? key = Find(name, keySegments == 3 ? segments[2] : null);
        if (key is null)
        {
            return ErrorBody(404, "KeyNotFound", $"A key with (name/id) {name} was not found in this key vault.");
        }

        return operation is null ? (200, KeyBundle(name, key)) : KeyOperation(name, key, operation, body);
    }

    private (int Status, string Body) KeyOperation(string name, LocalKeyVersion key, string operation, string body)
    {
        string permission = operation == "wrapkey" ? "wrapKey" : "unwrapKey";
        if (!key.Enabled)
        {
            return ErrorBody(403, "Forbidden", $"Operation {permission} is not allowed on a disabled key.");
        }

        if (key.Expires <= DateTimeOffset.UtcNow)
        {
            return ErrorBody(403, "Forbidden", $"Operation {permission} is not allowed on an expired key.");
        }

        if (!key.Operations.Contains(permission))
        {
            return ErrorBody(403, "Forbidden", $"Operation {permission} is not permitted on this key.");
        }

        string? algorithm;
        byte[]? value;
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            algorithm = document.RootElement.GetProperty("alg").GetString();
            value = Base64Url.DecodeFromChars(document.RootElement.GetProperty("value").GetString());
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            return ErrorBody(400, "BadParameter", "The request body is not valid.");
        }

        string expected = key.KeyType == "RSA" ? "RSA-OAEP-256" : "A256KW";
        if (algorithm != expected)
        {
            return ErrorBody(400, "BadParameter", $"Algorithm '{algorithm}' is not supported for key type '{key.KeyType}'.");
        }

        byte[]? result;
        try
        {
            result = (key.KeyType, operation) switch
            {
                ("RSA", "wrapkey") => key.Rsa!.Encrypt(value, RSAEncryptionPadding.OaepSHA256),
                ("RSA", _) => key.Rsa!.Decrypt(value, RSAEncryptionPadding.OaepSHA256),
                (_, "wrapkey") => AesKeyWrap.Wrap(key.Secret!, value),
                _ => AesKeyWrap.Unwrap(key.Secret!, value),
            };
        }
        catch (Exception ex) when (ex is CryptographicException or ArgumentException)
        {
            result = null;
        }

        if (result is null)
        {
            return ErrorBody(400, "BadParameter", $"The {operation} operation failed: the value is not valid for this key.");
        }

        return (200, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["kid"] = KeyId(name, key.Version),
            ["value"] = Encode(result),
        }));
    }

    private string KeyBundle(string name, LocalKeyVersion key)
    {
        var jwk = new Dictionary<string, object>
        {
            ["kid"] = KeyId(name, key.Version),
            ["kty"] = key.KeyType,
            ["key_ops"] = key.Operations,
        };
        if (key.Rsa is not null)
        {
            RSAParameters parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
            jwk["n"] = Encode(parameters.Modulus!);
            jwk["e"] = Encode(parameters.Exponent!);
        }

        var attributes = new Dictionary<string, object>
        {
            ["enabled"] = key.Enabled,
            ["created"] = 1_700_000_000,
            ["updated"] = 1_700_000_000,
            ["recoveryLevel"] = "Recoverable+Purgeable",
        };
        if (key.Expires is { } expires)
        {
            attributes["exp"] = expires.ToUnixTimeSeconds();
        }

        return JsonSerializer.Serialize(new Dictionary<string, object> { ["key"] = jwk, ["attributes"] = attributes });
    }

    private string Encode(byte[] value) => UseStandardBase64 ? Convert.ToBase64String(value) : Base64Url.EncodeToString(value);

    private static readonly TimeSpan RetryAfterTolerance = TimeSpan.FromMilliseconds(50);

    // Like Key Vault: at most ThrottleLimit requests per window; beyond it, every request is refused
    // until Retry-After has passed, and a new window starts then.
    private bool IsThrottled()
    {
        if (ThrottleLimit is not int limit)
        {
            return false;
        }

        lock (_throttleLock)
        {
            DateTimeOffset now = DateTimeOffset.UtcNow;

            // A client that waited Retry-After from when it received the 429 can arrive a few
            // milliseconds before the block ends by this wall clock (timer granularity); Key Vault's
            // own limits are not millisecond-exact either.
            if (now + RetryAfterTolerance < _blockedUntil)
            {
                return true;
            }

            if (now - _windowStart >= ThrottleWindow)
            {
                _windowStart = now;
                _windowCount = 0;
            }

            if (++_windowCount <= limit)
            {
                return false;
            }

            _blockedUntil = now.AddSeconds(ThrottleRetryAfterSeconds);
            _windowStart = _blockedUntil;
            _windowCount = 0;
            return true;
        }
    }

    private static (int Status, string Body) ErrorBody(int status, string code, string message) =>
        (status, JsonSerializer.Serialize(new { error = new { code, message } }));
}
