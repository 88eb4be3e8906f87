using System.Collections.Concurrent;
using PrivacyKit.Audit;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>An audit trail that keeps every event in memory.</summary>
public sealed class RecordingAuditTrail : IAuditTrail
{
    public ConcurrentQueue<AuditEvent> Events { get; } = new();

    public ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(auditEvent);
        return ValueTask.CompletedTask;
    }
}
