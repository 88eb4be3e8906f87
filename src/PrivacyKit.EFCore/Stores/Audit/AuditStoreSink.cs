using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;

namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>
/// The EF audit store as a pipeline sink and reader: batches from the core pipeline are inserted in one
/// SaveChanges per batch (records a retried batch already stored are skipped), and every chain in the table —
/// the pipeline's and the ones written inside application transactions — is read back in chain order for
/// queries and for <see cref="AuditChainVerifier"/>. Batches share one context kept for the sink's lifetime (the
/// pipeline writes them one at a time); queries open a scope and a <typeparamref name="TContext"/> per call.
/// </summary>
/// <typeparam name="TContext">The application's DbContext that maps the audit store.</typeparam>
internal sealed class AuditStoreSink<TContext>(IServiceScopeFactory scopes) : IBatchedAuditSink, IAuditReader, IAsyncDisposable
    where TContext : DbContext
{
    // The pipeline's single writer loop is the only caller of WriteBatchAsync, so one context serves every batch.
    // It is created at the first batch and kept: when a bare ServiceProvider is disposed, the provider refuses new
    // scopes before the pipeline drains its buffer, and the drain must still reach the database.
    private AsyncServiceScope? _writeScope;
    private TContext? _writer;

    public async ValueTask WriteBatchAsync(IReadOnlyList<AuditRecord> records, bool durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (_writer is null)
        {
            _writeScope = scopes.CreateAsyncScope();
            _writer = _writeScope.Value.ServiceProvider.GetRequiredService<TContext>();
        }

        var context = _writer;
        try
        {
            var instance = records[0].InstanceId;
            var stored = await context.Set<AuditRecordRow>().AsNoTracking()
                .Where(r => r.InstanceId == instance)
                .MaxAsync(r => (long?)r.Sequence, cancellationToken).ConfigureAwait(false) ?? 0;
            var added = false;
            foreach (var record in records)
            {
                if (record.InstanceId != instance || record.Sequence > stored)
                {
                    context.Add(AuditRowMapper.ToRow(record));
                    added = true;
                }
            }

            if (added)
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // A failed batch is retried by the pipeline from its own copy; nothing may linger in the tracker.
            context.ChangeTracker.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writeScope is { } scope)
        {
            _writer = null;
            _writeScope = null;
            await scope.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async IAsyncEnumerable<AuditRecord> QueryAsync(AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = scopes.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<TContext>().Set<AuditRecordRow>().AsNoTracking();
        if (query.SubjectId is { } subject)
        {
            rows = rows.Where(r => r.SubjectId == subject);
        }

        if (query.ActorId is { } actor)
        {
            rows = rows.Where(r => r.ActorId == actor);
        }

        if (query.InstanceId is { } instance)
        {
            rows = rows.Where(r => r.InstanceId == instance);
        }

        if (query.From is { } from)
        {
            var ticks = from.UtcTicks;
            rows = rows.Where(r => r.TimestampUtcTicks >= ticks);
        }

        if (query.To is { } to)
        {
            var ticks = to.UtcTicks;
            rows = rows.Where(r => r.TimestampUtcTicks < ticks);
        }

        await foreach (var row in rows.OrderBy(r => r.InstanceId).ThenBy(r => r.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return AuditRowMapper.ToRecord(row);
        }
    }

    public async IAsyncEnumerable<AuditStoredRecord> ReadStoredAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<TContext>().Set<AuditRecordRow>().AsNoTracking()
            .OrderBy(r => r.InstanceId).ThenBy(r => r.Sequence);
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var location = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{AuditStoreModel.RecordsTable}:{row.InstanceId}:{row.Sequence}");
            yield return TryRead(row) is { } record
                ? new AuditStoredRecord(record, location)
                : new AuditStoredRecord(location, "a list or property column is not valid JSON", isTornTail: false);
        }
    }

    private static AuditRecord? TryRead(AuditRecordRow row)
    {
        try
        {
            return AuditRowMapper.ToRecord(row);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public async ValueTask<AuditCheckpoint?> GetChainHeadAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        await using var scope = scopes.CreateAsyncScope();
        var last = await scope.ServiceProvider.GetRequiredService<TContext>().Set<AuditRecordRow>().AsNoTracking()
            .Where(r => r.InstanceId == instanceId)
            .OrderByDescending(r => r.Sequence)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return last is null ? null : new AuditCheckpoint(instanceId, last.Sequence, last.Hash, new DateTimeOffset(last.TimestampUtcTicks, TimeSpan.Zero));
    }
}
