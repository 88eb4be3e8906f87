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
}
