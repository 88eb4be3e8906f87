using Microsoft.Extensions.Logging;

namespace PrivacyKit.EFCore.Stores;

/// <summary>Log lines of the EF Core stores (event ids 7101-7199). Never a key, a token or a personal value.</summary>
internal static partial class StoresLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Data key {KeyId} version {Version} was not added: the (scope, version) or key id is taken (another instance won the race; the caller re-reads).")]
    public static partial void DataKeyConflict(ILogger logger, string keyId, int version);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Debug, Message = "Data key {KeyId} version {Version} was not re-wrapped: it was shredded or re-wrapped meanwhile.")]
    public static partial void RewrapConflict(ILogger logger, string keyId, int version);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "The personal payload of data subject request {RequestId} ({Payload}) was erased with the subject's data key; it reads back empty.")]
    public static partial void RequestPayloadErased(ILogger logger, string requestId, string payload);
}
