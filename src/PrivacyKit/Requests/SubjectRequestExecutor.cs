using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.Internal;
using PrivacyKit.Retention;

namespace PrivacyKit.Requests;

/// <summary>Runs a request across the registered sources, recording each source's result before moving on.</summary>
internal sealed class SubjectRequestExecutor(
    ISubjectRequestStore store,
    ISubjectRequestService workflow,
    IServiceScopeFactory scopeFactory,
    RequestAuditor auditor,
    TimeProvider timeProvider,
    IOptions<SubjectRequestOptions> options,
    IOptions<PrivacyKitOptions> kitOptions,
    ILogger<SubjectRequestExecutor> logger) : ISubjectRequestExecutor
{
    internal const string CompletionNote = "executed across all personal data sources";

    private readonly TimeSpan _leaseDuration = options.Value.ExecutionLeaseDuration;

    public async ValueTask<SubjectRequestOutcome> ExecuteAsync(string requestId, PrivacyActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(actor);

        var request = await store.GetAsync(requestId, cancellationToken).ConfigureAwait(false) ?? throw Error.RequestNotFound(requestId);
        if (request.Status == SubjectRequestStatus.Completed)
        {
            // Sources run in registration order and stop at the first failure, so start times keep that order.
            var done = await store.GetExecutionRecordsAsync(requestId, cancellationToken).ConfigureAwait(false);
            return BuildOutcome(request, [.. done.OrderBy(r => r.StartedAt)]);
        }

        if (!SubjectRequestStateMachine.TryNext(request.Status, SubjectRequestCommand.Execute, out _))
        {
            throw Error.InvalidTransition(request.Id, request.Status, SubjectRequestCommand.Execute);
        }

        var owner = $"{kitOptions.Value.InstanceId}/{Guid.NewGuid():N}";
        await RenewLeaseAsync(requestId, owner, cancellationToken).ConfigureAwait(false);
        try
        {
            var scope = scopeFactory.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var sources = Sources(scope.ServiceProvider);
                var holds = request.Kind == SubjectRequestKind.Erasure
                    ? await (scope.ServiceProvider.GetService<ILegalHoldStore>() ?? throw Error.LegalHoldStoreMissing(requestId))
                        .GetActiveAsync(request.SubjectId, cancellationToken).ConfigureAwait(false)
                    : [];

                var records = (await store.GetExecutionRecordsAsync(requestId, cancellationToken).ConfigureAwait(false))
                    .ToDictionary(r => r.SourceName, StringComparer.Ordinal);
                var context = new PersonalDataSourceContext
                {
                    RequestId = request.Id,
                    SubjectId = request.SubjectId,
                    TenantId = request.TenantId,
                    Kind = request.Kind,
                    Scope = request.Scope,
                };

                foreach (var source in sources)
                {
                    records.TryGetValue(source.Name, out var previous);
                    if (previous?.Status == SourceExecutionStatus.Succeeded)
                    {
                        RequestsLog.SourceSkipped(logger, source.Name, requestId);
                        continue;
                    }

                    await RenewLeaseAsync(requestId, owner, cancellationToken).ConfigureAwait(false);
                    records[source.Name] = await RunSourceAsync(request, source, context, holds, previous, actor, cancellationToken).ConfigureAwait(false);
                }

                var completed = await workflow.CompleteAsync(requestId, actor, CompletionNote, cancellationToken).ConfigureAwait(false);
                RequestsLog.Executed(logger, requestId, request.Kind, sources.Count);
                var ordered = sources.Select(s => records[s.Name])
                    .Concat(records.Values.Where(r => !sources.Any(s => string.Equals(s.Name, r.SourceName, StringComparison.Ordinal))))
                    .ToList();
                return BuildOutcome(completed, ordered);
            }
        }
        finally
        {
            await store.ReleaseLeaseAsync(requestId, owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    internal static SubjectRequestOutcome BuildOutcome(SubjectRequest request, IReadOnlyList<SourceExecutionRecord> records)
    {
        var at = request.ClosedAt ?? request.ReceivedAt;
        var changes = records.SelectMany(r => r.Changes).ToList();
        return request.Kind switch
        {
            SubjectRequestKind.Access or SubjectRequestKind.Portability => new SubjectRequestOutcome
            {
                Request = request,
                Package = new DataExportPackage(request, at, [.. records.Select(r => r.Export ?? new PersonalDataExport { Source = r.SourceName })]),
                Sources = records,
            },
            SubjectRequestKind.Erasure => new SubjectRequestOutcome
            {
                Request = request,
                Certificate = new ErasureCertificate(request, at, [.. records.Select(r => r.SourceName)], changes),
                Changes = changes,
                Sources = records,
            },
            _ => new SubjectRequestOutcome { Request = request, Changes = changes, Sources = records },
        };
    }

    private static List<IPersonalDataSource> Sources(IServiceProvider services)
    {
        var sources = services.GetServices<IPersonalDataSource>().ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                throw Error.InvalidSourceName(source.GetType().FullName ?? source.GetType().Name);
            }

            if (!names.Add(source.Name))
            {
                throw Error.DuplicateSourceName(source.Name);
            }
        }

        return sources;
    }

    private async ValueTask RenewLeaseAsync(string requestId, string owner, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (!await store.TryAcquireLeaseAsync(requestId, owner, now, now + _leaseDuration, cancellationToken).ConfigureAwait(false))
        {
            throw Error.ExecutionLeaseHeld(requestId);
        }
    }

    private async ValueTask<SourceExecutionRecord> RunSourceAsync(
        SubjectRequest request,
        IPersonalDataSource source,
        PersonalDataSourceContext context,
        IReadOnlyList<LegalHold> holds,
        SourceExecutionRecord? previous,
        PrivacyActor actor,
        CancellationToken cancellationToken)
    {
        var started = new SourceExecutionRecord
        {
            RequestId = request.Id,
            SourceName = source.Name,
            Status = SourceExecutionStatus.Started,
            Attempts = (previous?.Attempts ?? 0) + 1,
            StartedAt = timeProvider.GetUtcNow(),
        };
        await store.SaveExecutionRecordAsync(started, cancellationToken).ConfigureAwait(false);

        SourceExecutionRecord finished;
        try
        {
            finished = await CallSourceAsync(request, source, context, holds, started, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var type = ex.GetType().FullName ?? ex.GetType().Name;
            await store.SaveExecutionRecordAsync(started with { Status = SourceExecutionStatus.Failed, ErrorType = type }, CancellationToken.None)
                .ConfigureAwait(false);
            RequestsLog.SourceFailed(logger, source.Name, type, request.Id);
            await auditor.SourceAsync(request, source.Name, actor, AuditOutcome.Failure, [], $"source failed: {type}", timeProvider.GetUtcNow(), CancellationToken.None)
                .ConfigureAwait(false);
            throw Error.SourceFailed(request.Id, source.Name, ex);
        }

        // Audit before the success is recorded: after a crash in between, the source runs (and is audited) again
        // rather than leaving work without an audit record.
        var retained = finished.Changes.Count(c => c.Action == PersonalDataAction.Retained);
        await auditor.SourceAsync(
            request,
            source.Name,
            actor,
            AuditOutcome.Success,
            FieldNames(finished),
            retained == 0 ? null : $"{retained} entity types retained",
            finished.CompletedAt ?? started.StartedAt,
            cancellationToken).ConfigureAwait(false);
        await store.SaveExecutionRecordAsync(finished, CancellationToken.None).ConfigureAwait(false);
        return finished;
    }

    private async ValueTask<SourceExecutionRecord> CallSourceAsync(
        SubjectRequest request,
        IPersonalDataSource source,
        PersonalDataSourceContext context,
        IReadOnlyList<LegalHold> holds,
        SourceExecutionRecord started,
        CancellationToken cancellationToken)
    {
        var record = started;
        switch (request.Kind)
        {
            case SubjectRequestKind.Access or SubjectRequestKind.Portability:
                var export = await source.ExportAsync(context, cancellationToken).ConfigureAwait(false);
                record = record with { Export = export with { Source = source.Name } };
                break;

            case SubjectRequestKind.Erasure:
                var locations = await source.FindAsync(context, cancellationToken).ConfigureAwait(false);
                var retained = new List<PersonalDataChange>();
                var toErase = new List<string>();
                foreach (var location in locations)
                {
                    if (holds.FirstOrDefault(h => h.Covers(location.EntityType)) is { } hold)
                    {
                        retained.Add(new PersonalDataChange
                        {
                            EntityType = location.EntityType,
                            Action = PersonalDataAction.Retained,
                            RecordCount = location.RecordCount,
                            Fields = location.Fields,
                            Reason = $"legal hold: {hold.Reason}",
                            LegalHoldId = hold.Id,
                        });
                    }
                    else if (!toErase.Contains(location.EntityType, StringComparer.Ordinal))
                    {
                        toErase.Add(location.EntityType);
                    }
                }

                var erased = toErase.Count == 0 ? [] : await source.EraseAsync(context, toErase, cancellationToken).ConfigureAwait(false);
                record = record with { Locations = locations, Changes = Stamp(source.Name, [.. erased, .. retained]) };
                break;

            case SubjectRequestKind.Rectification:
                var rectified = await source.RectifyAsync(context, request.Corrections, cancellationToken).ConfigureAwait(false);
                record = record with { Changes = Stamp(source.Name, rectified) };
                break;

            default:
                var restricted = await source.RestrictAsync(context, cancellationToken).ConfigureAwait(false);
                record = record with { Changes = Stamp(source.Name, restricted) };
                break;
        }

        return record with { Status = SourceExecutionStatus.Succeeded, CompletedAt = timeProvider.GetUtcNow(), ErrorType = null };
    }

    private static PersonalDataChange[] Stamp(string sourceName, IEnumerable<PersonalDataChange> changes) =>
    [
        .. changes.Select(c => c with
        {
            Source = sourceName,
            Reason = c.Action == PersonalDataAction.Retained && string.IsNullOrWhiteSpace(c.Reason) ? "retained by the source; no reason given" : c.Reason,
        }),
    ];

    private static string[] FieldNames(SourceExecutionRecord record)
    {
        var fromExport = record.Export?.Records.SelectMany(r => r.Fields.Keys.Select(f => $"{r.EntityType}.{f}")) ?? [];
        var fromChanges = record.Changes.SelectMany(c => c.Fields.Select(f => $"{c.EntityType}.{f}"));
        return [.. fromExport.Concat(fromChanges).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
