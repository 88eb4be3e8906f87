using Microsoft.Extensions.Logging;

namespace PrivacyKit.AzureKeyVault.Internal;

/// <summary>Log messages of the Azure Key Vault key-encryption key. Event ids 7100–7199. Never a token or key bytes.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Fetched key '{KeyId}' ({KeyType}) from Azure Key Vault.")]
    public static partial void KeyFetched(ILogger logger, string keyId, string keyType);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Azure Key Vault key '{KeyId}' now wraps new data keys (was '{PreviousKeyId}').")]
    public static partial void KeyVersionChanged(ILogger logger, string keyId, string previousKeyId);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Azure Key Vault {Operation} with key '{KeyId}' failed with HTTP {Status} ({ErrorCode}), transient: {IsTransient}, x-ms-request-id: {RequestId}.")]
    public static partial void OperationFailed(ILogger logger, string operation, string keyId, int status, string? errorCode, bool isTransient, string? requestId);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "Azure Key Vault host '{Host}' asked for tokens with scope '{Scope}'.")]
    public static partial void ChallengeAccepted(ILogger logger, string host, string scope);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Error, Message = "Azure Key Vault authentication challenge from host '{Host}' was rejected: {Reason}")]
    public static partial void ChallengeRejected(ILogger logger, string host, string reason);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Information, Message = "Key '{KeyId}' is a symmetric key: data keys are wrapped in the vault although wrapping locally is enabled.")]
    public static partial void SymmetricKeyWrapsInVault(ILogger logger, string keyId);
}
