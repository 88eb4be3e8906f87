using Microsoft.Extensions.Logging;

namespace PrivacyKit.Keys;

/// <summary>Log messages of key management (event ids 2001-2099). Never a key, a scope or a value.</summary>
internal static partial class KeyLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Debug, Message = "Created data key {KeyId} version {Version}, wrapped by key-encryption key {KeyEncryptionKeyId}.")]
    public static partial void DataKeyCreated(ILogger logger, string keyId, int version, string keyEncryptionKeyId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Crypto-shredded {Versions} version(s) of data key {KeyId}.")]
    public static partial void DataKeyShredded(ILogger logger, string? keyId, int versions);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Re-wrap with key-encryption key {KeyEncryptionKeyId}: {Examined} examined, {Rewrapped} re-wrapped, {AlreadyCurrent} already current, {Shredded} shredded.")]
    public static partial void RewrapCompleted(ILogger logger, string keyEncryptionKeyId, int examined, int rewrapped, int alreadyCurrent, int shredded);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Key-encryption key {KeyEncryptionKeyId} failed to {Operation} data key {KeyId}.")]
    public static partial void KeyEncryptionKeyFailed(ILogger logger, Exception exception, string keyEncryptionKeyId, string operation, string? keyId);
}
