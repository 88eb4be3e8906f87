using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.EFCore.Masking;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;
using PrivacyKit.Requests;
using PrivacyKit.Retention;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.Requests;

/// <summary>
/// A data subject's rows in a DbContext as a personal data source: found through <c>[DataSubjectId]</c> properties and
/// the foreign keys of their dependents, exported through the context (so encrypted fields come back decrypted),
/// erased by the strategy configured per entity type, rectified and restricted. Work is done in batches, each saved on
/// its own, so a repeated call after a failure carries on where the first stopped.
/// </summary>
internal sealed class EntityFrameworkPersonalDataSource<TContext>(
    TContext db,
    IOptionsMonitor<EntityFrameworkPersonalDataOptions> optionsMonitor,
    IServiceProvider services,
    TimeProvider timeProvider,
    ILogger<EntityFrameworkPersonalDataSource<TContext>> logger) : IPersonalDataSource
    where TContext : DbContext
{
    private readonly EntityFrameworkPersonalDataOptions _options = optionsMonitor.Get(OptionsName);

    public static string OptionsName => typeof(TContext).FullName ?? typeof(TContext).Name;

    public string Name => _options.SourceName ?? "efcore:" + typeof(TContext).Name;

    public async ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var graph = await GraphAsync(context, cancellationToken).ConfigureAwait(false);
        return [.. graph.Select(rows => new PersonalDataLocation
        {
            EntityType = rows.Name,
            Category = PersonalDataModel.Category(rows.Metadata),
            Fields = [.. Anonymiser.Fields(rows.Metadata).Select(f => f.Name)],
            RecordCount = rows.Keys.Count,
        })];
    }

    public async ValueTask<PersonalDataExport> ExportAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var unmasked = FieldMasking.Suspend(db);
        var graph = await GraphAsync(context, cancellationToken).ConfigureAwait(false);
        var records = new List<PersonalDataRecord>();
        foreach (var rows in graph)
        {
            var category = PersonalDataModel.Category(rows.Metadata);
            foreach (var chunk in rows.Keys.Chunk(_options.BatchSize))
            {
                foreach (var entity in await SubjectGraph.LoadAsync(db, rows, chunk, cancellationToken).ConfigureAwait(false))
                {
                    records.Add(new PersonalDataRecord
                    {
                        EntityType = rows.Name,
                        Category = category,
                        RecordId = ValueText.Key(SubjectGraph.Values(db, entity, rows.KeyProperties)),
                        Fields = PersonalDataModel.ExportFields(db, entity, rows.Metadata),
                    });
                }

                db.ChangeTracker.Clear();
            }
        }

        RequestsEfLog.Exported(logger, Name, context.RequestId, records.Count);
        return new PersonalDataExport
        {
            Records = records,
            Purposes = [.. graph.SelectMany(r => r.Metadata.Map.Purposes.Concat(r.Metadata.Properties.SelectMany(p => p.Field.Purposes)))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            Recipients = [.. _options.Recipients.Distinct(StringComparer.Ordinal)],
        };
    }

    public async ValueTask<IReadOnlyList<PersonalDataChange>> EraseAsync(
        PersonalDataSourceContext context, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entityTypes);
        using var unmasked = FieldMasking.Suspend(db);
        var graph = await GraphAsync(context, cancellationToken).ConfigureAwait(false);
        var holds = await HoldsAsync(context.SubjectId, cancellationToken).ConfigureAwait(false);
        var referencedByOthers = await SubjectGraph.ReferencedByOthersAsync(db, graph, _options.BatchSize, cancellationToken).ConfigureAwait(false);
        var plan = ErasurePlan.Create(graph, entityTypes, holds, _options, referencedByOthers);
        var changes = new List<PersonalDataChange>();
        var shred = false;
        foreach (var step in plan)
        {
            if (step.Hold is { } hold)
            {
                changes.Add(new PersonalDataChange
                {
                    EntityType = step.Rows.Name,
                    Action = PersonalDataAction.Retained,
                    RecordCount = step.Rows.Keys.Count,
                    Fields = [.. Anonymiser.Fields(step.Rows.Metadata).Select(f => f.Name)],
                    Reason = $"legal hold: {hold.Reason}",
                    LegalHoldId = hold.Id,
                });
                continue;
            }

            var count = await ApplyAsync(step.Rows, step.Strategy, cancellationToken).ConfigureAwait(false);
            shred |= step.Strategy == ErasureStrategy.ShredKey;
            changes.Add(step.ToChange(count));
            RequestsEfLog.Erased(logger, Name, context.RequestId, step.Rows.Name, step.Strategy, count);
        }

        if (shred)
        {
            await ShredAsync(context, graph, holds, changes, cancellationToken).ConfigureAwait(false);
        }

        return changes;
    }

    public async ValueTask<IReadOnlyList<PersonalDataChange>> RectifyAsync(
        PersonalDataSourceContext context, IReadOnlyList<FieldCorrection> corrections, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(corrections);
        using var unmasked = FieldMasking.Suspend(db);
        var model = PersonalDataModel.Create(db.Model, _options, Name);
        var parsed = model.ParseCorrections(corrections);
        if (parsed.Count == 0)
        {
            return [];
        }

        var graph = await GraphAsync(context, cancellationToken).ConfigureAwait(false);
        var targets = parsed.GroupBy(c => c.Metadata.Name, StringComparer.Ordinal)
            .Select(g => (Corrections: g, Rows: graph.FirstOrDefault(r => string.Equals(r.Name, g.Key, StringComparison.Ordinal))))
            .Where(t => t.Rows is not null)
            .ToList();

        // A correction names no record: it is only unambiguous when the subject has one row of the entity. Check all first.
        if (targets.FirstOrDefault(t => t.Rows!.Keys.Count > 1) is { Rows: not null } ambiguous)
        {
            throw Error.AmbiguousCorrection(ambiguous.Rows.Name, ambiguous.Corrections.First().Field.Name, ambiguous.Rows.Keys.Count);
        }

        var changes = new List<PersonalDataChange>();
        foreach (var (group, target) in targets)
        {
            var rows = target!;
            var count = await ForEachBatchAsync(rows, (entity, entry) =>
            {
                foreach (var correction in group)
                {
                    PersonalDataModel.SetValue(entry, entity, correction.Field, correction.Value);
                }

                return true;
            }, cancellationToken).ConfigureAwait(false);
            changes.Add(new PersonalDataChange
            {
                EntityType = rows.Name,
                Action = PersonalDataAction.Rectified,
                RecordCount = count,
                Fields = [.. group.Select(c => c.Field.Name).Distinct(StringComparer.Ordinal)],
            });
        }

        return changes;
    }

    public async ValueTask<IReadOnlyList<PersonalDataChange>> RestrictAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var unmasked = FieldMasking.Suspend(db);
        var model = PersonalDataModel.Create(db.Model, _options, Name);
        var graph = await GraphAsync(context, cancellationToken).ConfigureAwait(false);
        var changes = new List<PersonalDataChange>();
        var now = timeProvider.GetUtcNow();
        foreach (var rows in graph)
        {
            if (!_options.RestrictionFlags.TryGetValue(rows.Name, out var flag) || !PersonalDataModel.InScope(rows.Metadata, context))
            {
                continue;
            }

            var flagType = model.RestrictionFlagType(rows.Name, flag);
            var count = await ForEachBatchAsync(rows, (_, entry) =>
            {
                entry.Property(flag).CurrentValue = PersonalDataModel.RestrictionValue(flagType, now);
                return true;
            }, cancellationToken).ConfigureAwait(false);
            changes.Add(new PersonalDataChange { EntityType = rows.Name, Action = PersonalDataAction.Restricted, RecordCount = count });
        }

        return changes;
    }

    private async Task<IReadOnlyList<SubjectRows>> GraphAsync(PersonalDataSourceContext request, CancellationToken cancellationToken)
    {
        PersonalDataModel.Create(db.Model, _options, Name);
        db.ChangeTracker.Clear();
        return await SubjectGraph.FindAsync(db, request.SubjectId, _options.BatchSize, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<LegalHold>> HoldsAsync(string subjectId, CancellationToken cancellationToken) =>
        services.GetService<ILegalHoldStore>() is { } store
            ? await store.GetActiveAsync(subjectId, cancellationToken).ConfigureAwait(false)
            : [];

    private Task<int> ApplyAsync(SubjectRows rows, ErasureStrategy strategy, CancellationToken cancellationToken) => strategy switch
    {
        ErasureStrategy.Delete => ForEachBatchAsync(rows, (entity, _) =>
        {
            db.Remove(entity);
            return true;
        }, cancellationToken),
        _ => ForEachBatchAsync(
            rows,
            (entity, _) => Anonymiser.ApplyAll(db, entity, rows.Metadata, _options, strategy == ErasureStrategy.ShredKey),
            cancellationToken),
    };

    /// <summary>Loads the rows batch by batch, applies <paramref name="change"/> and saves each batch; returns how many rows changed.</summary>
    private async Task<int> ForEachBatchAsync(
        SubjectRows rows, Func<object, EntityEntry, bool> change, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var chunk in rows.Keys.Chunk(_options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var entity in await SubjectGraph.LoadAsync(db, rows, chunk, cancellationToken).ConfigureAwait(false))
            {
                if (change(entity, db.Entry(entity)))
                {
                    count++;
                }
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            db.ChangeTracker.Clear();
        }

        return count;
    }

    private async Task ShredAsync(
        PersonalDataSourceContext request, IReadOnlyList<SubjectRows> graph, IReadOnlyList<LegalHold> holds, List<PersonalDataChange> changes, CancellationToken cancellationToken)
    {
        var shredded = changes.Where(c => c.Action == PersonalDataAction.Shredded).ToList();
        if (holds.Count > 0)
        {
            // The key encrypts all of the subject's data, the held data included: keep it while any hold is active.
            for (var i = 0; i < changes.Count; i++)
            {
                if (changes[i].Action == PersonalDataAction.Shredded)
                {
                    changes[i] = changes[i] with { Action = PersonalDataAction.Anonymised, Reason = $"data key kept: legal hold {holds[0].Id} on the subject" };
                }
            }

            RequestsEfLog.ShredSuspended(logger, Name, request.RequestId, holds[0].Id);
            return;
        }

        var manager = services.GetService<IDataKeyManager>() ?? throw Error.KeyManagerMissing(Name, shredded[0].EntityType);
        var root = graph.First(r => r.Depth == 0);
        _ = ValueText.TryParse(request.SubjectId, root.EntityType.FindProperty(root.Metadata.SubjectIdProperty!)!.ClrType, out var subjectValue);
        var scope = EncryptionScope.ForSubject(PrivacyEntityMetadata.FormatSubjectId(subjectValue!));
        var versions = await manager.ShredAsync(scope, cancellationToken).ConfigureAwait(false);
        RequestsEfLog.Shredded(logger, Name, request.RequestId, versions);
    }
}
