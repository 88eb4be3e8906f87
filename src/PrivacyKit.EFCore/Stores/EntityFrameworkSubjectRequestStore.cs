using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Internal;
using PrivacyKit.Requests;

namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// Keeps data subject requests, their history and execution records in the application's database.
/// <see cref="TryUpdateAsync"/> is an optimistic compare-and-swap on the version column (a concurrency token) that
/// writes the request and its history entry in one transaction; the execution lease is one conditional UPDATE.
/// Corrections and exports (personal values) are stored encrypted under the subject's data key.
/// </summary>
internal sealed class EntityFrameworkSubjectRequestStore<TContext>(StoreContextFactory<TContext> contexts, RequestPayloadProtector payloads) : ISubjectRequestStore
    where TContext : DbContext
{
    private const string CorrectionsPayload = "Corrections";
    private const string ExportPayload = "Export";

    public async ValueTask AddAsync(SubjectRequest request, SubjectRequestTransition submitted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(submitted);
        var corrections = request.Corrections.Count == 0
            ? null
            : await payloads.ProtectAsync(request.Corrections, StoreJsonContext.Default.IReadOnlyListFieldCorrection, request.SubjectId, request.Id, CorrectionsPayload, cancellationToken).ConfigureAwait(false);
        var row = new SubjectRequestRow();
        SubjectRequestMapping.CopyTo(request, row, corrections);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        lease.Context.Add(row);
        lease.Context.Add(SubjectRequestMapping.ToRow(submitted));
        try
        {
            await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw Error.DuplicateRequestId(request.Id);
        }
    }

    public async ValueTask<SubjectRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        SubjectRequestRow? row;
        await using (var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false))
        {
            row = await lease.Context.Set<SubjectRequestRow>().AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken).ConfigureAwait(false);
        }

        return row is null ? null : await ToRequestAsync(row, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<bool> TryUpdateAsync(SubjectRequest request, long expectedVersion, SubjectRequestTransition transition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(transition);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var context = lease.Context;
        if (!await context.Set<SubjectRequestRow>().AnyAsync(r => r.Id == request.Id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var row = new SubjectRequestRow();
        SubjectRequestMapping.CopyTo(request, row, null);
        var entry = context.Attach(row);
        foreach (var property in entry.Properties)
        {
            // Corrections are written once, when the request is submitted; the lease belongs to the lease operations.
            property.IsModified = property.Metadata.Name is not (nameof(SubjectRequestRow.Id) or nameof(SubjectRequestRow.Corrections)
                or nameof(SubjectRequestRow.LeaseOwner) or nameof(SubjectRequestRow.LeaseUntil));
        }

        entry.Property(r => r.Version).OriginalValue = expectedVersion;
        context.Add(SubjectRequestMapping.ToRow(transition));
        try
        {
            await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            // The history entry exists: another writer stored this step first.
            return false;
        }
    }

    public async ValueTask<IReadOnlyList<SubjectRequestTransition>> GetHistoryAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var rows = await lease.Context.Set<SubjectRequestTransitionRow>().AsNoTracking()
            .Where(r => r.RequestId == requestId)
            .OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(SubjectRequestMapping.ToTransition)];
    }

    public async ValueTask<IReadOnlyList<SubjectRequest>> ListAsync(SubjectRequestFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        List<SubjectRequestRow> rows;
        await using (var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false))
        {
            var query = lease.Context.Set<SubjectRequestRow>().AsNoTracking();
            if (filter.OpenOnly)
            {
                query = query.Where(r => r.Status != (int)SubjectRequestStatus.Completed && r.Status != (int)SubjectRequestStatus.Rejected);
            }

            if (filter.NextDueBefore is { } before)
            {
                query = query.Where(r => r.NextDueAt != null && r.NextDueAt < before);
            }

            if (filter.ReceivedSince is { } since)
            {
                query = query.Where(r => r.ReceivedAt >= since);
            }

            if (filter.SubjectId is { } subjectId)
            {
                query = query.Where(r => r.SubjectId == subjectId);
            }

            if (filter.Kind is { } kind)
            {
                query = query.Where(r => r.Kind == (int)kind);
            }

            if (filter.TenantId is { } tenantId)
            {
                query = query.Where(r => r.TenantId == tenantId);
            }

            rows = await query.OrderBy(r => r.ReceivedAt).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var requests = new List<SubjectRequest>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            requests.Add(await ToRequestAsync(row, cancellationToken).ConfigureAwait(false));
        }

        return requests;
    }

    public async ValueTask<IReadOnlyList<SourceExecutionRecord>> GetExecutionRecordsAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        List<SourceExecutionRow> rows;
        string? subjectId;
        await using (var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false))
        {
            subjectId = await SubjectOfAsync(lease.Context, requestId, cancellationToken).ConfigureAwait(false);
            rows = await lease.Context.Set<SourceExecutionRow>().AsNoTracking()
                .Where(r => r.RequestId == requestId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var records = new List<SourceExecutionRecord>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.StartedAt).ThenBy(r => r.SourceName, StringComparer.Ordinal))
        {
            var export = row.Export is null || subjectId is null
                ? null
                : await payloads.UnprotectAsync(row.Export, StoreJsonContext.Default.PersonalDataExport, subjectId, ExecutionKey(row.RequestId, row.SourceName), ExportPayload, cancellationToken).ConfigureAwait(false);
            records.Add(SubjectRequestMapping.ToRecord(row, export));
        }

        return records;
    }

    public async ValueTask SaveExecutionRecordAsync(SourceExecutionRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var context = lease.Context;
        var subjectId = await SubjectOfAsync(context, record.RequestId, cancellationToken).ConfigureAwait(false)
            ?? throw Error.ExecutionRecordWithoutRequest(record.RequestId, record.SourceName);
        var export = record.Export is null
            ? null
            : await payloads.ProtectAsync(record.Export, StoreJsonContext.Default.PersonalDataExport, subjectId, ExecutionKey(record.RequestId, record.SourceName), ExportPayload, cancellationToken).ConfigureAwait(false);

        for (var attempt = 0; ; attempt++)
        {
            var row = await context.Set<SourceExecutionRow>()
                .FirstOrDefaultAsync(r => r.RequestId == record.RequestId && r.SourceName == record.SourceName, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                row = new SourceExecutionRow();
                context.Add(row);
            }

            SubjectRequestMapping.CopyTo(record, row, export);
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException e) when (attempt == 0 && UniqueViolation.Is(e))
            {
                // Another instance inserted the record first: replace it.
                context.ChangeTracker.Clear();
            }
        }
    }

    public async ValueTask<bool> TryAcquireLeaseAsync(string requestId, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        ArgumentNullException.ThrowIfNull(owner);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        var taken = await lease.Context.Set<SubjectRequestRow>()
            .Where(r => r.Id == requestId && (r.LeaseOwner == null || r.LeaseOwner == owner || r.LeaseUntil == null || r.LeaseUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)until), cancellationToken).ConfigureAwait(false);
        return taken == 1;
    }

    public async ValueTask ReleaseLeaseAsync(string requestId, string owner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        ArgumentNullException.ThrowIfNull(owner);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        await lease.Context.Set<SubjectRequestRow>()
            .Where(r => r.Id == requestId && r.LeaseOwner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), cancellationToken).ConfigureAwait(false);
    }

    private static string ExecutionKey(string requestId, string sourceName) => requestId + "/" + sourceName;

    private static Task<string?> SubjectOfAsync(TContext context, string requestId, CancellationToken cancellationToken) =>
        context.Set<SubjectRequestRow>().Where(r => r.Id == requestId).Select(r => (string?)r.SubjectId).FirstOrDefaultAsync(cancellationToken);

    private async ValueTask<SubjectRequest> ToRequestAsync(SubjectRequestRow row, CancellationToken cancellationToken)
    {
        var corrections = row.Corrections is null
            ? null
            : await payloads.UnprotectAsync(row.Corrections, StoreJsonContext.Default.IReadOnlyListFieldCorrection, row.SubjectId, row.Id, CorrectionsPayload, cancellationToken).ConfigureAwait(false);
        return SubjectRequestMapping.ToRequest(row, corrections ?? []);
    }
}
