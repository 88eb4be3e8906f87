using Microsoft.Extensions.Logging;

namespace PrivacyKit.EFCore.Retention;

/// <summary>Log messages of EF Core retention enforcement. Entity names and counts only.</summary>
internal static partial class RetentionEfLog
{
    [LoggerMessage(EventId = 8201, EventName = "EfRetentionBatch", Level = LogLevel.Information,
        Message = "Retention committed a batch of {EntityType}: {Deleted} deleted, {Anonymised} anonymised, {Shredded} subjects shredded.")]
    public static partial void Batch(ILogger logger, string entityType, int deleted, int anonymised, int shredded);

    [LoggerMessage(EventId = 8202, EventName = "EfRetentionHeld", Level = LogLevel.Information,
        Message = "Retention kept {Count} expired items of {EntityType} under legal hold.")]
    public static partial void Held(ILogger logger, string entityType, int count);

    [LoggerMessage(EventId = 8203, EventName = "EfRetentionFinished", Level = LogLevel.Information,
        Message = "Retention run as of {AsOf} finished (dry run: {DryRun}): {Deleted} deleted, {Anonymised} anonymised, {Shredded} subjects shredded, {Held} held.")]
    public static partial void Finished(ILogger logger, DateTimeOffset asOf, bool dryRun, int deleted, int anonymised, int shredded, int held);
}
