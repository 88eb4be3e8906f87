using Microsoft.Extensions.Logging;

namespace PrivacyKit.Audit;

/// <summary>The audit feature's log messages (event ids 5000-5099). They carry sequence numbers and sink names, never record content.</summary>
internal static partial class AuditLog
{
    [LoggerMessage(5001, LogLevel.Warning,
        "Audit records of instance {InstanceId} are signed with the development key (key id 'development'). Set AuditOptions.ChainKey and AuditOptions.ValueHashKey, or register an IAuditKeyProvider, before production.")]
    public static partial void DevelopmentKey(ILogger logger, string instanceId);

    [LoggerMessage(5002, LogLevel.Warning,
        "Audit sink {Sink} failed to write records {FirstSequence}..{LastSequence} (attempt {Attempt}); retrying.")]
    public static partial void SinkAttemptFailed(ILogger logger, Exception exception, string sink, long firstSequence, long lastSequence, int attempt);

    [LoggerMessage(5003, LogLevel.Error,
        "Audit sink {Sink} ({Policy}) failed to write {Count} records {FirstSequence}..{LastSequence} of instance {InstanceId}; they are missing from that sink and the verifier will report the gap.")]
    public static partial void SinkBatchFailed(
        ILogger logger, Exception exception, string sink, AuditSinkPolicy policy, int count, long firstSequence, long lastSequence, string instanceId);

    [LoggerMessage(5004, LogLevel.Information, "Audit chain of instance {InstanceId} continues after sequence {Sequence}.")]
    public static partial void ChainResumed(ILogger logger, string instanceId, long sequence);

    [LoggerMessage(5005, LogLevel.Warning, "Audit checkpoint sink {Sink} failed to store the checkpoint at sequence {Sequence}.")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception, string sink, long sequence);

    [LoggerMessage(5006, LogLevel.Error, "The head of the audit chain of instance {InstanceId} could not be read from sink {Sink}.")]
    public static partial void ChainHeadUnavailable(ILogger logger, Exception exception, string instanceId, string sink);

    [LoggerMessage(5007, LogLevel.Warning,
        "Audit file {File} ends with an incomplete record left by a crash during a write; it was not acknowledged. Writing continues in a new file.")]
    public static partial void TornWriteFound(ILogger logger, string file);

    [LoggerMessage(5008, LogLevel.Error, "The audit pipeline's writer stopped unexpectedly; events can no longer be recorded.")]
    public static partial void WriterCrashed(ILogger logger, Exception exception);

    [LoggerMessage(5100, LogLevel.Information,
        "Audit {InstanceId}#{Sequence} {Kind} {Action} actor={ActorId} roles={Roles} onBehalfOf={OnBehalfOf} subject={SubjectId} resource={ResourceType}/{ResourceId} fields={Fields} purpose={Purpose} outcome={Outcome} reason={Reason} time={Timestamp} correlation={CorrelationId} hash={Hash}")]
    public static partial void Record(
        ILogger logger, string instanceId, long sequence, AuditEventKind kind, string? action, string? actorId, string roles, string? onBehalfOf,
        string? subjectId, string? resourceType, string? resourceId, string fields, string? purpose, AuditOutcome outcome, string? reason,
        DateTimeOffset timestamp, string? correlationId, string hash);
}
