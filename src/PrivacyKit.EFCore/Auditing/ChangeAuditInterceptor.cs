using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Audit;
using PrivacyKit.Context;
using PrivacyKit.EFCore.Stores.Audit;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>
/// Emits one audit event per saved entity with personal data. When the context maps the EF audit store, the records
/// are chained and inserted in the same transaction as the change, just before it commits (so a rolled-back save
/// leaves none and a committed one always has them); otherwise the events go to the audit pipeline once the
/// transaction has committed. Stateless itself: per-context state lives beside each context.
/// </summary>
internal sealed class ChangeAuditInterceptor(
    IAuditTrail trail,
    IPrivacyContextAccessor accessor,
    IAuditKeyProvider keys,
    IOptions<PrivacyKitOptions> kitOptions,
    IOptions<EntityFrameworkAuditOptions> options,
    TimeProvider time,
    IEnumerable<IAuditCheckpointSink> checkpointSinks,
    IOptions<AuditOptions> auditOptions,
    ILogger<ChangeAuditInterceptor> logger) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, ChangeAuditState> _states = [];
    private readonly AuditChainWriter _writer = new(keys, logger);
    private readonly TransactionChainCheckpoints _checkpoints = new(checkpointSinks, auditOptions, time, logger);

    /// <summary>The chain that records written inside application transactions belong to.</summary>
    public string ChainId => options.Value.TransactionChainId ?? kitOptions.Value.InstanceId + ":ef";

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Begin(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Begin(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndAsync(eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        WriteInTransactionAsync(transaction, eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        await WriteInTransactionAsync(transaction, eventData.Context, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        CommittedAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        CommittedAsync(eventData.Context, cancellationToken);

    public DbTransaction TransactionUsed(DbConnection connection, TransactionEventData eventData, DbTransaction result)
    {
        Adopt(eventData.Context, result);
        return result;
    }

    public ValueTask<DbTransaction> TransactionUsedAsync(
        DbConnection connection, TransactionEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Adopt(eventData.Context, result);
        return ValueTask.FromResult(result);
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Discard(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Discard(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Discard(eventData.Context);
        return Task.CompletedTask;
    }

    private static bool UsesStore(DbContext context) => context.Model.FindEntityType(typeof(AuditRecordRow)) is not null;

    private void Begin(DbContext? context)
    {
        if (context is null || !options.Value.AuditChanges)
        {
            return;
        }

        var state = _states.GetOrCreateValue(context);
        if (state.Pending.Count > 0 && context.Database.CurrentTransaction is null)
        {
            // The transaction those saves ran in ended without EF Core seeing it (committed or rolled back on the
            // DbTransaction itself): whether the changes exist is unknown here, so say so loudly.
            EFAuditLog.PendingEventsOrphaned(logger, state.Pending.Count, context.GetType().Name);
            state.Pending.Clear();
        }

        var captured = ChangeAuditCapture.CaptureAll(context, accessor.Current);
        state.Save = captured.Count == 0 ? null : captured;
        state.InUserTransaction = context.Database.CurrentTransaction is not null;
        if (state.Save is not null && !state.InUserTransaction && UsesStore(context))
        {
            // The records must be inserted by a transaction that also commits the change, even for a single-statement save.
            state.RestoreBehavior = context.Database.AutoTransactionBehavior;
            context.Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
        }
    }

    private async Task EndAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_states.TryGetValue(context, out var state) || state.Save is not { } save)
        {
            return;
        }

        Restore(context, state);
        state.Save = null;
        if (state.InUserTransaction && UsesStore(context) && state.External is { } external
            && ReferenceEquals(context.Database.CurrentTransaction?.GetDbTransaction(), external))
        {
            // EF Core may never see this transaction commit: write the records into it now.
            var now = time.GetUtcNow();
            await _writer.WriteAsync(context, external, ChainId, [.. save.Select(c => c.ToEvent(now))], cancellationToken).ConfigureAwait(false);
        }
        else if (state.InUserTransaction)
        {
            // Keys are final now; the records wait for the application's commit (or vanish with its rollback).
            var now = time.GetUtcNow();
            state.Pending.AddRange(save.Select(c => c.ToEvent(now)));
        }
        else if (!UsesStore(context))
        {
            var now = time.GetUtcNow();
            await RecordAsync(save.Select(c => c.ToEvent(now)).ToList(), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WriteInTransactionAsync(DbTransaction transaction, DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !UsesStore(context) || !_states.TryGetValue(context, out var state))
        {
            return;
        }

        var now = time.GetUtcNow();
        var events = new List<AuditEvent>(state.Pending);
        if (state.Save is { } save && !state.InUserTransaction)
        {
            foreach (var capture in save)
            {
                capture.Refresh();
                events.Add(capture.ToEvent(now));
            }
        }

        state.Written = await _writer.WriteAsync(context, transaction, ChainId, events, cancellationToken).ConfigureAwait(false);
    }

    private async Task CommittedAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is null || !_states.TryGetValue(context, out var state))
        {
            return;
        }

        if (state.Written is { } written)
        {
            state.Written = null;
            await _checkpoints.AfterCommitAsync(written.First, written.Head, cancellationToken).ConfigureAwait(false);
        }

        if (state.Save is not null || state.Pending.Count == 0)
        {
            return;
        }

        var events = state.Pending.ToList();
        state.Pending.Clear();
        if (!UsesStore(context))
        {
            await RecordAsync(events, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(List<AuditEvent> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            await trail.RecordAsync(e, cancellationToken).ConfigureAwait(false);
        }
    }

    private void Adopt(DbContext? context, DbTransaction transaction)
    {
        if (context is not null)
        {
            _states.GetOrCreateValue(context).External = transaction;
        }
    }

    private void Abandon(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state))
        {
            Restore(context, state);
            state.Save = null;
        }
    }

    private void Discard(DbContext? context)
    {
        if (context is not null && _states.TryGetValue(context, out var state))
        {
            state.Written = null;
            if (state.Save is null)
            {
                state.Pending.Clear();
            }
        }
    }

    private static void Restore(DbContext context, ChangeAuditState state)
    {
        if (state.RestoreBehavior is { } behavior)
        {
            context.Database.AutoTransactionBehavior = behavior;
            state.RestoreBehavior = null;
        }
    }
}
