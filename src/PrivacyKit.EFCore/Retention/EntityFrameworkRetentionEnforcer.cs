using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyKit.Audit;
using PrivacyKit.EFCore.Masking;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.EFCore.Requests;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;
using PrivacyKit.Retention;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.Retention;

/// <summary>
/// Streams candidate rows of each entity type with retention rules (filtered in the database by the rules' cutoffs where
/// the provider can compare the timestamps), lets the planner decide, and applies the due actions batch by batch. A batch
/// is saved, then its keys are shredded, then it is audited; a cancelled run leaves whole batches done, and the next run
/// re-plans from what is left (rows anonymised before are recognised and not counted again).
/// </summary>
internal sealed class EntityFrameworkRetentionEnforcer<TContext>(
    IServiceScopeFactory scopes,
    IRetentionPlanner planner,
    IAuditTrail auditTrail,
    IOptionsMonitor<EntityFrameworkPersonalDataOptions> optionsMonitor,
    TimeProvider timeProvider,
    ILogger<EntityFrameworkRetentionEnforcer<TContext>> logger) : IRetentionEnforcer<TContext>
    where TContext : DbContext
{
    public async ValueTask<RetentionRunResult> RunAsync(bool dryRun = false, CancellationToken cancellationToken = default)
    {
        var asOf = timeProvider.GetUtcNow();
        var options = optionsMonitor.Get(EntityFrameworkPersonalDataSource<TContext>.OptionsName);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            using var unmasked = FieldMasking.Suspend(db);
            var run = new Run(db, scope.ServiceProvider, options, dryRun);
            foreach (var entityType in db.Model.GetEntityTypes())
            {
                if (entityType.BaseType is not null || entityType.IsOwned() || entityType.FindPrimaryKey() is null
                    || PrivacyEntityMetadata.For(entityType) is not { } metadata)
                {
                    continue;
                }

                var policies = planner.GetPolicies(metadata.Name);
                if (policies.Count > 0)
                {
                    await EnforceAsync(run, entityType, metadata, policies, asOf, cancellationToken).ConfigureAwait(false);
                }
            }

            RetentionEfLog.Finished(logger, asOf, dryRun, run.Deleted, run.Anonymised, run.ShreddedSubjects.Count, run.Held.Count);
            return new RetentionRunResult
            {
                AsOf = asOf,
                DryRun = dryRun,
                Deleted = run.Deleted,
                Anonymised = run.Anonymised,
                Shredded = run.ShreddedSubjects.Count,
                Applied = run.Applied,
                Held = run.Held,
            };
        }
    }

    private async Task EnforceAsync(
        Run run, IEntityType entityType, PrivacyEntityMetadata metadata, IReadOnlyList<RetentionPolicy> policies, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var froms = policies.Select(p => p.From).Distinct(StringComparer.Ordinal)
            .Select(f => entityType.FindProperty(f) ?? throw Error.RetentionTimestampNotMapped(metadata.Name, f))
            .ToList();
        var cutoffs = policies.Select(p => (Policy: p, Cutoff: p.ExpiryCutoff(asOf))).Where(c => c.Cutoff is not null).ToList();
        if (cutoffs.Count == 0)
        {
            return;
        }

        var keys = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        var serverFilter = !string.Equals(run.Db.Database.ProviderName, "Microsoft.EntityFrameworkCore.Sqlite", StringComparison.Ordinal)
            || froms.All(f => (Nullable.GetUnderlyingType(f.ClrType) ?? f.ClrType) != typeof(DateTimeOffset));
        var rows = EntityAccess.For(entityType).StreamAsync(run.Db, property => serverFilter ? CutoffFilter(property, entityType, cutoffs) : null);
        var path = metadata.SubjectIdProperty is null ? SubjectPath.Find(entityType) : null;
        var firstHop = new Dictionary<string, object?[]>(StringComparer.Ordinal);
        var candidates = new List<RetentionCandidate>();
        var keyProperties = entityType.FindPrimaryKey()!.Properties;
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var keyValues = keyProperties.Select(p => p.GetGetter().GetClrValueUsingContainingEntity(row)).ToArray();
            var key = ValueText.Key(keyValues);
            keys[key] = keyValues;
            if (path is not null)
            {
                firstHop[key] = [.. path[0].Properties.Select(p => p.GetGetter().GetClrValueUsingContainingEntity(row))];
            }

            var subject = metadata.GetSubjectId(row);
            var stamps = froms.ToDictionary(f => f.Name, f => Timestamp(f.GetGetter().GetClrValueUsingContainingEntity(row)), StringComparer.Ordinal);
            candidates.Add(new RetentionCandidate(metadata.Name, key, subject is null ? null : PrivacyEntityMetadata.FormatSubjectId(subject), stamps));
        }

        if (path is not null && firstHop.Count > 0)
        {
            var subjects = await SubjectPath.ResolveAsync(run.Db, path, firstHop, run.Options.BatchSize, cancellationToken).ConfigureAwait(false);
            candidates = [.. candidates.Select(c => subjects.TryGetValue(c.Key, out var s) ? new RetentionCandidate(c.EntityType, c.Key, s, c.Timestamps) : c)];
        }

        var plan = await planner.PlanAsync(asOf, candidates.ToAsyncEnumerable(), cancellationToken).ConfigureAwait(false);

        if (plan.Held.Count > 0)
        {
            run.Held.AddRange(plan.Held);
            RetentionEfLog.Held(logger, metadata.Name, plan.Held.Count);
            if (!run.DryRun)
            {
                await auditTrail.RecordAsync(HeldEvent(metadata.Name, plan.Held, asOf), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var batch in plan.Due.GroupBy(i => i.Key, StringComparer.Ordinal).Chunk(run.Options.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (run.DryRun)
            {
                run.Applied.AddRange(batch.SelectMany(g => g));
                continue;
            }

            await ApplyBatchAsync(run, entityType, metadata, batch, keys, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyBatchAsync(
        Run run, IEntityType entityType, PrivacyEntityMetadata metadata, IGrouping<string, RetentionPlanItem>[] batch,
        Dictionary<string, object?[]> keys, CancellationToken cancellationToken)
    {
        var keyProperties = entityType.FindPrimaryKey()!.Properties;
        var loaded = await EntityAccess.For(entityType)
            .WhereInAsync(run.Db, keyProperties, [.. batch.Select(g => keys[g.Key])], cancellationToken).ConfigureAwait(false);
        var byKey = loaded.ToDictionary(e => ValueText.Key(SubjectGraph.Values(run.Db, e, keyProperties)), StringComparer.Ordinal);
        var applied = new List<RetentionPlanItem>();
        var toShred = new List<string>();
        int deleted = 0, anonymised = 0;
        foreach (var items in batch)
        {
            if (!byKey.TryGetValue(items.Key, out var entity))
            {
                continue; // gone since it was planned
            }

            if (items.FirstOrDefault(i => i.Action == RetentionAction.Delete) is { } delete)
            {
                run.Db.Remove(entity);
                applied.Add(delete);
                deleted++;
                continue;
            }

            var anonymise = items.Where(i => i.Action == RetentionAction.Anonymise).ToList();
            var fields = Anonymiser.Fields(metadata).Where(f => anonymise.Any(i => string.Equals(i.Property, f.Name, StringComparison.Ordinal))).ToList();
            var changed = anonymise.Any(i => i.Property is null)
                ? Anonymiser.ApplyAll(run.Db, entity, metadata, run.Options, encryptedToNull: false)
                : fields.Count > 0 && Anonymiser.Apply(run.Db, entity, metadata, fields, run.Options, encryptedToNull: false);
            if (changed)
            {
                applied.AddRange(anonymise);
                anonymised++;
            }

            foreach (var shred in items.Where(i => i.Action == RetentionAction.ShredKey && i.SubjectId is not null))
            {
                // Once the key is gone the ciphertext is unreadable; clear it now with its blind index, which the key does not cover.
                Anonymiser.Apply(run.Db, entity, metadata, [.. Anonymiser.Fields(metadata).Where(f => f.IsEncrypted || f.IsBlindIndexed)], run.Options, encryptedToNull: true);
                if (!run.ShreddedSubjects.Contains(shred.SubjectId!))
                {
                    toShred.Add(shred.SubjectId!);
                    applied.Add(shred);
                }
            }
        }

        await run.Db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        run.Db.ChangeTracker.Clear();
        foreach (var subject in toShred.Distinct(StringComparer.Ordinal))
        {
            var manager = run.Services.GetService<IDataKeyManager>() ?? throw Error.KeyManagerMissing("retention", metadata.Name);
            await manager.ShredAsync(EncryptionScope.ForSubject(subject), CancellationToken.None).ConfigureAwait(false);
            run.ShreddedSubjects.Add(subject);
        }

        run.Deleted += deleted;
        run.Anonymised += anonymised;
        run.Applied.AddRange(applied);
        RetentionEfLog.Batch(logger, metadata.Name, deleted, anonymised, toShred.Count);

        // Committed work is audited even if the run is being cancelled.
        foreach (var item in applied)
        {
            await auditTrail.RecordAsync(AppliedEvent(item), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static Expression? CutoffFilter(Func<string, Type, Expression> property, IEntityType entityType, List<(RetentionPolicy Policy, DateTimeOffset? Cutoff)> cutoffs) =>
        cutoffs
            .Select(c =>
            {
                var type = entityType.FindProperty(c.Policy.From)!.ClrType;
                var nullable = Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;
                return (Expression)Expression.LessThanOrEqual(
                    Expression.Convert(property(c.Policy.From, type), nullable),
                    Expression.Constant(CutoffValue(c.Cutoff!.Value, Nullable.GetUnderlyingType(nullable)!), nullable));
            })
            .Aggregate(Expression.OrElse);

    private static object CutoffValue(DateTimeOffset cutoff, Type type) =>
        type == typeof(DateTime) ? cutoff.UtcDateTime
        : type == typeof(DateOnly) ? DateOnly.FromDateTime(cutoff.UtcDateTime)
        : cutoff;

    private static DateTimeOffset? Timestamp(object? value) => value switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        _ => null,
    };

    private static AuditEvent AppliedEvent(RetentionPlanItem item) => new()
    {
        Kind = AuditEventKind.Retention,
        Action = item.Action switch
        {
            RetentionAction.Delete => "retention.delete",
            RetentionAction.Anonymise => "retention.anonymise",
            _ => "retention.shredKey",
        },
        ActorId = "system:retention",
        SubjectId = item.SubjectId,
        ResourceType = item.EntityType,
        ResourceId = item.Key,
        Fields = item.Property is null ? [] : [item.Property],
        Reason = $"retention {item.Policy.Period} from {item.Policy.From} expired",
        Properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["expiredAt"] = item.ExpiredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["policySource"] = item.Policy.Source.ToString(),
        },
    };

    private static AuditEvent HeldEvent(string entityType, IReadOnlyList<RetentionPlanItem> held, DateTimeOffset asOf) => new()
    {
        Kind = AuditEventKind.Retention,
        Action = "retention.held",
        ActorId = "system:retention",
        ResourceType = entityType,
        Outcome = AuditOutcome.Denied,
        Reason = "legal hold",
        Timestamp = asOf,
        Properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["count"] = held.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["holdIds"] = string.Join(',', held.SelectMany(h => h.HoldIds).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
        },
    };

    private sealed class Run(TContext db, IServiceProvider services, EntityFrameworkPersonalDataOptions options, bool dryRun)
    {
        public TContext Db { get; } = db;

        public IServiceProvider Services { get; } = services;

        public EntityFrameworkPersonalDataOptions Options { get; } = options;

        public bool DryRun { get; } = dryRun;

        public int Deleted { get; set; }

        public int Anonymised { get; set; }

        public HashSet<string> ShreddedSubjects { get; } = new(StringComparer.Ordinal);

        public List<RetentionPlanItem> Applied { get; } = [];

        public List<RetentionPlanItem> Held { get; } = [];
    }
}
