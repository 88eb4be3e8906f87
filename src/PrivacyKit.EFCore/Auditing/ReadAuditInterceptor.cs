using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>
/// Records reads of personal data: every materialised entity whose type has audited fields is noted under its data
/// subject, and when the query's data reader closes, one <see cref="AuditEventKind.PersonalDataRead"/> event per
/// subject goes to the audit trail with the ambient actor and purpose (guaranteed delivery when sensitive fields
/// were read). Materialisations reach it through <see cref="Infrastructure.EntityMaterialization"/>.
/// Thread-safe: state is per context.
/// </summary>
internal sealed class ReadAuditInterceptor(IAuditTrail trail, IOptions<EntityFrameworkAuditOptions> options, ILogger<ReadAuditInterceptor> logger)
    : IDbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbContext, ReadAuditCollector> _collectors = [];
    private readonly ReadAuditPolicy _policy = new(options.Value);

    public void Materialized(DbContext context, IReadOnlyEntityType entityType, object entity)
    {
        if (_policy.For(entityType) is { } audited
            && audited.Metadata.GetSubjectId(entity) is { } subject)
        {
            _collectors.GetOrCreateValue(context).Add(PrivacyEntityMetadata.FormatSubjectId(subject), audited);
        }
    }

    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        if (Drain(eventData.Context) is { } events)
        {
            RecordAsync(events).AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    public async ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        if (Drain(eventData.Context) is { } events)
        {
            await RecordAsync(events).ConfigureAwait(false);
        }

        return result;
    }

    private List<AuditEvent>? Drain(DbContext? context) =>
        context is not null && _collectors.TryGetValue(context, out var collector) && !collector.IsEmpty ? collector.Drain() : null;

    private async ValueTask RecordAsync(List<AuditEvent> events)
    {
        EFAuditLog.ReadsRecorded(logger, events.Count);
        foreach (var e in events)
        {
            await trail.RecordAsync(e).ConfigureAwait(false);
        }
    }
}
