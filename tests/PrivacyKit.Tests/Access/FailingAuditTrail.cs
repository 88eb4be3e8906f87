using PrivacyKit.Audit;

namespace PrivacyKit.Tests.Access;

/// <summary>An audit trail whose buffer is full: every record fails, as the fail policy of the pipeline does.</summary>
public sealed class FailingAuditTrail : IAuditTrail
{
    public ValueTask RecordAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) =>
        throw new AuditException("The audit buffer is full.");
}
