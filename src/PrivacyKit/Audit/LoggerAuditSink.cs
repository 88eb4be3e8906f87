using Microsoft.Extensions.Logging;

namespace PrivacyKit.Audit;

/// <summary>Writes each record as one structured log entry (category <c>PrivacyKit.Audit</c>, event id 5100).</summary>
internal sealed class LoggerAuditSink(ILoggerFactory loggerFactory) : IBatchedAuditSink
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("PrivacyKit.Audit");

    public ValueTask WriteBatchAsync(IReadOnlyList<AuditRecord> records, bool durable, CancellationToken cancellationToken)
    {
        if (!_logger.IsEnabled(LogLevel.Information))
        {
            return ValueTask.CompletedTask;
        }

        foreach (var r in records)
        {
            var e = r.Event;
            AuditLog.Record(
                _logger, r.InstanceId, r.Sequence, e.Kind, e.Action, e.ActorId, string.Join(',', e.ActorRoles), e.OnBehalfOf, e.SubjectId,
                e.ResourceType, e.ResourceId, string.Join(',', e.Fields), e.Purpose, e.Outcome, e.Reason, e.Timestamp, e.CorrelationId, r.Hash);
        }

        return ValueTask.CompletedTask;
    }
}
