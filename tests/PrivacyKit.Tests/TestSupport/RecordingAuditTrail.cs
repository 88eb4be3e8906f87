using System.Collections.Concurrent;
using PrivacyKit.Audit;

namespace PrivacyKit.Tests.TestSupport;

/// <summary>An <see cref="IAuditTrail"/> that keeps every event in memory, for assertions.</summary>
public sealed class RecordingAuditTrail : IAuditTrail
{
    private readonly ConcurrentQueue<AuditEvent> _events = new();

    public IReadOnlyList<AuditEvent> Events => [.. _events];

    public ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        _events.Enqueue(auditEvent);
        return ValueTask.CompletedTask;
    }
}
