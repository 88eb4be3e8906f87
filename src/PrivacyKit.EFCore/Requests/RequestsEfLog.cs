using Microsoft.Extensions.Logging;

namespace PrivacyKit.EFCore.Requests;

/// <summary>Log messages of the EF Core personal data source. Identifiers and counts only, never personal values.</summary>
internal static partial class RequestsEfLog
{
    [LoggerMessage(EventId = 8101, EventName = "EfSubjectExported", Level = LogLevel.Information,
        Message = "Source {SourceName} exported {RecordCount} records for data subject request {RequestId}.")]
    public static partial void Exported(ILogger logger, string sourceName, string requestId, int recordCount);

    [LoggerMessage(EventId = 8102, EventName = "EfSubjectErased", Level = LogLevel.Information,
        Message = "Source {SourceName} erased {EntityType} ({Strategy}, {RecordCount} records) for data subject request {RequestId}.")]
    public static partial void Erased(ILogger logger, string sourceName, string requestId, string entityType, ErasureStrategy strategy, int recordCount);

    [LoggerMessage(EventId = 8103, EventName = "EfSubjectKeysShredded", Level = LogLevel.Information,
        Message = "Source {SourceName} shredded {VersionCount} data-key versions of the subject of data subject request {RequestId}.")]
    public static partial void Shredded(ILogger logger, string sourceName, string requestId, int versionCount);

    [LoggerMessage(EventId = 8104, EventName = "EfSubjectShredSuspended", Level = LogLevel.Warning,
        Message = "Source {SourceName} kept the data keys of the subject of data subject request {RequestId}: legal hold {HoldId} is active.")]
    public static partial void ShredSuspended(ILogger logger, string sourceName, string requestId, string holdId);
}
