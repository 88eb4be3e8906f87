using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>
/// Reads and writes the Key Vault REST bodies. Binary values are base64url in requests; responses are
/// accepted in base64url or standard base64, padded or not. Returns <see langword="null"/> for what is
/// not valid, never partial values.
/// </summary>
internal static class KeyVaultJson
{
    /// <summary>Writes <c>{"alg":…,"value":…}</c> into a new array that the caller zeroes after use.</summary>
    public static byte[] WriteKeyOperation(string algorithm, ReadOnlySpan<byte> value)
    {
        byte[] encoded = new byte[Base64Url.GetEncodedLength(value.Length)];
        var buffer = new ArrayBufferWriter<byte>(64 + encoded.Length);
        try
        {
            Base64Url.EncodeToUtf8(value, encoded);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("alg", algorithm);
                writer.WriteString("value"u8, encoded);
                writer.WriteEndObject();
            }

            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            Array.Clear(encoded);
            buffer.Clear();
        }
    }

    /// <summary>Reads <c>{"kid":…,"value":…}</c>; the reason says what was wrong when it returns <see langword="null"/>.</summary>
    public static KeyOperationResult? ReadKeyOperation(ReadOnlyMemory<byte> body, out string? reason)
    {
        if (!TryParse(body, out JsonDocument? document, out reason))
        {
            return null;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (!TryGetVersionedKeyId(root, "kid", out KeyVaultKeyIdentifier id, out reason))
            {
                return null;
            }

            if (!TryGetString(root, "value", out string? value))
            {
                reason = "its 'value' is missing";
                return null;
            }

            byte[]? bytes = DecodeBase64(value);
            if (bytes is null || bytes.Length == 0)
            {
                reason = "its 'value' is not base64url or base64";
                return null;
            }

            return new KeyOperationResult(id, bytes);
        }
    }

    /// <summary>Reads a key bundle <c>{"key":{…},"attributes":{…}}</c>.</summary>
    public static KeyVaultKey? ReadKey(ReadOnlyMemory<byte> body, out string? reason)
    {
        if (!TryParse(body, out JsonDocument? document, out reason))
        {
            return null;
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (!root.TryGetProperty("key", out JsonElement key) || key.ValueKind != JsonValueKind.Object)
            {
                reason = "its 'key' object is missing";
                return null;
            }

            if (!TryGetVersionedKeyId(key, "key.kid", out KeyVaultKeyIdentifier id, out reason))
            {
                return null;
            }

            if (!TryGetString(key, "kty", out string? keyType))
            {
                reason = "its 'key.kty' is missing";
                return null;
            }

            byte[]? modulus = null, exponent = null;
            if (KeyVaultAlgorithms.IsRsa(keyType))
            {
                modulus = TryGetString(key, "n", out string? n) ? DecodeBase64(n) : null;
                exponent = TryGetString(key, "e", out string? e) ? DecodeBase64(e) : null;
                if (modulus is null || modulus.Length == 0 || exponent is null || exponent.Length == 0)
                {
                    reason = "its RSA 'key.n' or 'key.e' is missing or not base64url";
                    return null;
                }
            }

            List<string>? operations = null;
            if (key.TryGetProperty("key_ops", out JsonElement ops) && ops.ValueKind == JsonValueKind.Array)
            {
                operations = [];
                foreach (JsonElement op in ops.EnumerateArray())
                {
                    if (op.ValueKind == JsonValueKind.String)
                    {
                        operations.Add(op.GetString()!);
                    }
                }
            }

            bool enabled = true;
            DateTimeOffset? expires = null, notBefore = null;
            if (root.TryGetProperty("attributes", out JsonElement attributes) && attributes.ValueKind == JsonValueKind.Object)
            {
                if (attributes.TryGetProperty("enabled", out JsonElement en) && en.ValueKind is JsonValueKind.False)
                {
                    enabled = false;
                }

                expires = ReadUnixTime(attributes, "exp");
                notBefore = ReadUnixTime(attributes, "nbf");
            }

            return new KeyVaultKey(id, keyType, modulus, exponent, operations, enabled, expires, notBefore);
        }
    }

    /// <summary>Reads <c>{"error":{"code":…,"message":…}}</c>; missing parts are <see langword="null"/>.</summary>
    public static (string? Code, string? Message) ReadError(ReadOnlyMemory<byte> body)
    {
        if (!TryParse(body, out JsonDocument? document, out _))
        {
            return (null, null);
        }

        using (document)
        {
            if (!document.RootElement.TryGetProperty("error", out JsonElement error) || error.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            TryGetString(error, "code", out string? code);
            TryGetString(error, "message", out string? message);
            return (code, message);
        }
    }

    /// <summary>Decodes base64url or standard base64 (padding optional); <see langword="null"/> when it is neither.</summary>
    public static byte[]? DecodeBase64(string value)
    {
        if (value.Length == 0)
        {
            return [];
        }

        int padding = (4 - (value.Length % 4)) % 4;
        if (padding == 3)
        {
            return null;
        }

        char[] chars = new char[value.Length + padding];
        for (int i = 0; i < value.Length; i++)
        {
            chars[i] = value[i] switch
            {
                '-' => '+',
                '_' => '/',
                char c => c,
            };
        }

        chars.AsSpan(value.Length).Fill('=');
        byte[] bytes = new byte[chars.Length / 4 * 3];
        bool ok = Convert.TryFromBase64Chars(chars, bytes, out int written);
        Array.Clear(chars);
        if (!ok)
        {
            Array.Clear(bytes);
            return null;
        }

        byte[] result = bytes.AsSpan(0, written).ToArray();
        Array.Clear(bytes);
        return result;
    }

    private static bool TryParse(ReadOnlyMemory<byte> body, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonDocument? document, out string? reason)
    {
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            document = null;
            reason = "it is not JSON";
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            document = null;
            reason = "it is not a JSON object";
            return false;
        }

        reason = null;
        return true;
    }

    private static bool TryGetVersionedKeyId(JsonElement element, string path, out KeyVaultKeyIdentifier id, out string? reason)
    {
        string name = path[(path.LastIndexOf('.') + 1)..];
        if (TryGetString(element, name, out string? kid) && KeyVaultKeyIdentifier.TryParse(kid, out id) && id.Version is not null)
        {
            reason = null;
            return true;
        }

        id = default;
        reason = $"its '{path}' is missing or is not a key identifier with a version";
        return false;
    }

    private static bool TryGetString(JsonElement element, string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = element.TryGetProperty(name, out JsonElement property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
        return !string.IsNullOrEmpty(value);
    }

    private static DateTimeOffset? ReadUnixTime(JsonElement element, string name) =>
        element.TryGetProperty(name, out JsonElement property) && property.ValueKind == JsonValueKind.Number && property.TryGetInt64(out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
