using Microsoft.Extensions.Logging;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>Log messages of EF Core auditing and row scope (event ids 7300-7399). Identifiers only, never personal values.</summary>
internal static partial class EFAuditLog
{
    [LoggerMessage(EventId = 7301, Level = LogLevel.Debug, Message = "Wrote {Count} audit records to chain {ChainId} in the application's transaction (sequences {First}-{Last}).")]
    public static partial void RecordsWritten(ILogger logger, int count, string chainId, long first, long last);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Created the head row of audit chain {ChainId}.")]
    public static partial void ChainHeadCreated(ILogger logger, string chainId);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Debug, Message = "Recorded {Count} personal-data read events for one query.")]
    public static partial void ReadsRecorded(ILogger logger, int count);

    [LoggerMessage(EventId = 7304, Level = LogLevel.Error, Message = "Checkpoint sink {Sink} failed to store the checkpoint of chain {ChainId} at sequence {Sequence}.")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception, string sink, string chainId, long sequence);

    [LoggerMessage(EventId = 7305, Level = LogLevel.Error, Message = "{Count} change audit events of {Context} were not emitted: their transaction ended outside EF Core (commit or roll back through the DbContext, or use the EF audit store).")]
    public static partial void PendingEventsOrphaned(ILogger logger, int count, string context);

    [LoggerMessage(EventId = 7310, Level = LogLevel.Warning, Message = "Actor {ActorId} bypassed the row scope of {Entity} (audited as ProtectionBypassed).")]
    public static partial void RowScopeBypassed(ILogger logger, string? actorId, string entity);
}
