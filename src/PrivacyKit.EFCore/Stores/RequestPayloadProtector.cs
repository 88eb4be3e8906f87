using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// Encrypts the personal payloads of data subject requests (rectification corrections, source exports) with the
/// core field encryptor under the data subject's own data key (scope <c>subject:{id}</c>, the scope PrivacyKit.EFCore
/// uses for the subject's rows), bound to the request and payload, so a ciphertext copied into another row fails and
/// shredding the subject's key erases the payloads too (they then read back empty). The encryptor is resolved on
/// first use, so stores that never see a payload need no key-encryption key.
/// </summary>
internal sealed class RequestPayloadProtector(IServiceProvider services, ILogger<RequestPayloadProtector> logger)
{
    public const string EntityName = "PrivacyKit.SubjectRequest";

    private readonly Lazy<IFieldEncryptor> _encryptor = new(services.GetRequiredService<IFieldEncryptor>);

    public async ValueTask<string> ProtectAsync<T>(T value, JsonTypeInfo<T> type, string subjectId, string requestId, string payload, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(value, type);
        var ciphertext = await _encryptor.Value.EncryptAsync(json, Context(subjectId, requestId, payload), cancellationToken).ConfigureAwait(false);
        return FieldCiphertext.ToText(ciphertext);
    }

    /// <summary>Decrypts a payload; <see langword="default"/> when the subject's data key was shredded.</summary>
    public async ValueTask<T?> UnprotectAsync<T>(string text, JsonTypeInfo<T> type, string subjectId, string requestId, string payload, CancellationToken cancellationToken)
    {
        string? json;
        try
        {
            json = await _encryptor.Value.DecryptAsync<string>(FieldCiphertext.FromText(text), Context(subjectId, requestId, payload), cancellationToken).ConfigureAwait(false);
        }
        catch (DataKeyErasedException)
        {
            StoresLog.RequestPayloadErased(logger, requestId, payload);
            return default;
        }

        return json is null ? default : JsonSerializer.Deserialize(json, type);
    }

    private static EncryptionContext Context(string subjectId, string requestId, string payload) =>
        EncryptionContext.ForSubject(EntityName, payload + "#" + requestId, subjectId);
}
