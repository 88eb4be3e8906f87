using PrivacyKit.Audit;

namespace PrivacyKit.Internal;

internal static partial class Error
{
    public static AuditException AuditQueueFull(int capacity) => new(
        $"The audit buffer is full ({capacity} events) and AuditOptions.FullQueuePolicy is Fail, so the operation was not performed. " +
        "Check that the audit sinks keep up (privacykit.audit.queue.depth), raise AuditOptions.QueueCapacity, or use FullQueuePolicy.Wait.");

    public static ArgumentException AuditEventInvalid(string property, string paramName) => new(
        $"AuditEvent.{property} contains a null item; audit records hold names and identifiers, never null entries.", paramName);

    public static AuditException AuditPipelineStopped() => new(
        "The audit pipeline has stopped (the service provider was disposed), so no event can be recorded. Record events before the host shuts down.");

    public static AuditException AuditSinkFailed(string sink, long firstSequence, long lastSequence, Exception? inner) => new(
        $"The must-succeed audit sink {sink} failed to write records {firstSequence}..{lastSequence} after its retries, so the event is not durable. " +
        "Check the sink's storage (disk space, permissions, database); the failure is logged with event id 5003.",
        inner);

    public static AuditException AuditChainHeadUnavailable(string instanceId, Exception inner) => new(
        $"The head of the audit chain of instance '{instanceId}' could not be read from the sink, so records cannot be chained. Check that the sink's storage is readable.",
        inner);

    public static AuditException AuditUnknownKey(string keyId) => new(
        $"No audit chain key has the id '{keyId}'. Add the key under AuditOptions.PreviousChainKeys (or to the IAuditKeyProvider) to verify records signed with it.");

    public static AuditException AuditKeysNotConfigured(string property) => new(
        $"AuditOptions.RequireConfiguredKeys is set but AuditOptions.{property} is not: set it to a base64 key of at least 32 bytes from a secret store, " +
        "or register an IAuditKeyProvider.");

    public static AuditException AuditStorageUnreadable(string location, Exception inner) => new(
        $"The audit storage at '{location}' could not be read. Check that it exists and that the process may read it.",
        inner);
}
