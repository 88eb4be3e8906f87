using Microsoft.Extensions.Logging;

namespace PrivacyKit.Consent;

internal static partial class ConsentLog
{
    [LoggerMessage(EventId = 3101, EventName = "ConsentRecorded", Level = LogLevel.Debug,
        Message = "Consent event {Kind} recorded for purpose {PurposeId} from {Source} (record {RecordId}).")]
    public static partial void ConsentRecorded(ILogger logger, ConsentEventKind kind, string? purposeId, ConsentSource source, string recordId);

    [LoggerMessage(EventId = 3102, EventName = "SaleOrSharingOptOutUnchanged", Level = LogLevel.Trace,
        Message = "Sale-or-sharing {Kind} not recorded: the subject's state already matches.")]
    public static partial void SaleOrSharingUnchanged(ILogger logger, ConsentEventKind kind);

    [LoggerMessage(EventId = 3103, EventName = "ConsentErasureKeptHistory", Level = LogLevel.Information,
        Message = "Erasure request {RequestId}: {Withdrawn} active consents withdrawn; {Kept} consent records kept as proof of lawful processing.")]
    public static partial void ErasureKeptHistory(ILogger logger, string requestId, int withdrawn, int kept);

    [LoggerMessage(EventId = 3104, EventName = "ConsentErasureRemovedHistory", Level = LogLevel.Information,
        Message = "Erasure request {RequestId}: {Withdrawn} active consents withdrawn; {Removed} consent records removed.")]
    public static partial void ErasureRemovedHistory(ILogger logger, string requestId, int withdrawn, int removed);
}
