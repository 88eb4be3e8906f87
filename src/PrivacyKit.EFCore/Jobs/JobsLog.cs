using Microsoft.Extensions.Logging;

namespace PrivacyKit.EFCore.Jobs;

/// <summary>Log lines of the maintenance jobs (event ids 7201-7299): job names, entity and property names and counts only.</summary>
internal static partial class JobsLog
{
    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Job {Job} started (dry run: {DryRun}, batch size {BatchSize}).")]
    public static partial void Started(ILogger logger, PrivacyKitJob job, bool dryRun, int batchSize);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Job {Job}: batch of {EntityType} committed; {Examined} examined, {Changed} changed, {AlreadyDone} already done so far.")]
    public static partial void BatchCommitted(ILogger logger, PrivacyKitJob job, string? entityType, long examined, long changed, long alreadyDone);

    [LoggerMessage(EventId = 7203, Level = LogLevel.Information, Message = "Job {Job} finished (dry run: {DryRun}): {Examined} examined, {Changed} changed, {AlreadyDone} already done, {Skipped} skipped.")]
    public static partial void Finished(ILogger logger, PrivacyKitJob job, bool dryRun, long examined, long changed, long alreadyDone, long skipped);

    [LoggerMessage(EventId = 7204, Level = LogLevel.Warning, Message = "Job {Job}: a value of {EntityType}.{Property} was left as it was: {Reason}.")]
    public static partial void ValueSkipped(ILogger logger, PrivacyKitJob job, string entityType, string property, string reason);

    [LoggerMessage(EventId = 7205, Level = LogLevel.Warning, Message = "Job {Job} stopped after {Examined} examined and {Changed} changed; run it again to resume.")]
    public static partial void Stopped(ILogger logger, Exception exception, PrivacyKitJob job, long examined, long changed);
}
