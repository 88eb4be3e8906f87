using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Requests;

/// <summary>
/// Finds every row of a data subject in a context's model: rows of entity types whose <c>[DataSubjectId]</c> property
/// equals the subject, then, through foreign keys, the rows that depend on them (a note of the subject's customer, and
/// its attachments), except dependents that name a data subject of their own. Loads keys only, in batches, and leaves
/// the change tracker empty.
/// </summary>
internal static class SubjectGraph
{
    public static async Task<IReadOnlyList<SubjectRows>> FindAsync(DbContext context, string subjectId, int batchSize, CancellationToken cancellationToken)
    {
        var found = new Dictionary<IEntityType, SubjectRows>();
        var work = new Queue<(SubjectRows Rows, List<object?[]> Keys)>();
        foreach (var entityType in context.Model.GetEntityTypes().Where(IsQueryable))
        {
            var metadata = PrivacyEntityMetadata.For(entityType);
            if (metadata?.SubjectIdProperty is not { } subjectProperty || entityType.FindProperty(subjectProperty) is not { } property
                || !ValueText.TryParse(subjectId, property.ClrType, out var value) || value is null)
            {
                continue;
            }

            var target = new SubjectRows(entityType, metadata, 0);
            var keys = new List<object?[]>();
            for (var page = 0; ; page++)
            {
                var rows = await EntityAccess.For(entityType)
                    .WhereEqualsAsync(context, property, value, target.KeyProperties, page * batchSize, batchSize, cancellationToken).ConfigureAwait(false);
                keys.AddRange(target.AddNew(rows.Select(r => Values(context, r, target.KeyProperties))));
                context.ChangeTracker.Clear();
                if (rows.Count < batchSize)
                {
                    break;
                }
            }

            if (keys.Count > 0)
            {
                found[entityType] = target;
                work.Enqueue((target, keys));
            }
        }

        while (work.Count > 0)
        {
            var (principal, keys) = work.Dequeue();
            foreach (var foreignKey in principal.EntityType.GetReferencingForeignKeys())
            {
                var dependentType = foreignKey.DeclaringEntityType;
                if (foreignKey.IsOwnership || !IsQueryable(dependentType) || PrivacyEntityMetadata.For(dependentType) is not { } metadata
                    || metadata.SubjectIdProperty is not null)
                {
                    continue;
                }

                if (!found.TryGetValue(dependentType, out var target))
                {
                    target = new SubjectRows(dependentType, metadata, principal.Depth + 1);
                }

                var principalValues = await PrincipalValuesAsync(context, principal, keys, foreignKey.PrincipalKey, batchSize, cancellationToken).ConfigureAwait(false);
                var added = new List<object?[]>();
                foreach (var chunk in principalValues.Chunk(batchSize))
                {
                    var rows = await EntityAccess.For(dependentType).WhereInAsync(context, foreignKey.Properties, chunk, cancellationToken).ConfigureAwait(false);
                    added.AddRange(target.AddNew(rows.Select(r => Values(context, r, target.KeyProperties))));
                    context.ChangeTracker.Clear();
                }

                if (added.Count > 0)
                {
                    target.Depth = Math.Max(target.Depth, principal.Depth + 1);
                    found[dependentType] = target;
                    work.Enqueue((target, added));
                }
            }
        }

        return [.. found.Values];
    }

    /// <summary>
    /// The entity types of <paramref name="graph"/> whose rows are referred to by rows that belong to another data subject
    /// (a dependent with a <c>[DataSubjectId]</c> of its own), with the name of that dependent: deleting them would
    /// cascade into, or be blocked by, someone else's data.
    /// </summary>
    public static async Task<Dictionary<IEntityType, string>> ReferencedByOthersAsync(
        DbContext context, IReadOnlyList<SubjectRows> graph, int batchSize, CancellationToken cancellationToken)
    {
        var referenced = new Dictionary<IEntityType, string>();
        foreach (var rows in graph)
        {
            foreach (var foreignKey in rows.EntityType.GetReferencingForeignKeys())
            {
                var dependent = foreignKey.DeclaringEntityType;
                if (referenced.ContainsKey(rows.EntityType) || foreignKey.IsOwnership || !IsQueryable(dependent)
                    || PrivacyEntityMetadata.For(dependent) is not { SubjectIdProperty: not null } metadata)
                {
                    continue;
                }

                var principalValues = await PrincipalValuesAsync(context, rows, rows.Keys, foreignKey.PrincipalKey, batchSize, cancellationToken).ConfigureAwait(false);
                foreach (var chunk in principalValues.Chunk(batchSize))
                {
                    var found = await EntityAccess.For(dependent).WhereInAsync(context, foreignKey.Properties, chunk, cancellationToken).ConfigureAwait(false);
                    context.ChangeTracker.Clear();
                    if (found.Count > 0)
                    {
                        referenced[rows.EntityType] = metadata.Name;
                        break;
                    }
                }
            }
        }

        return referenced;
    }

    /// <summary>The values of <paramref name="properties"/> of a tracked entity.</summary>
    public static object?[] Values(DbContext context, object entity, IReadOnlyList<IReadOnlyProperty> properties)
    {
        var entry = context.Entry(entity);
        var values = new object?[properties.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = entry.Property(properties[i].Name).CurrentValue;
        }

        return values;
    }

    /// <summary>Loads the tracked rows of <paramref name="rows"/> with the given keys.</summary>
    public static Task<List<object>> LoadAsync(DbContext context, SubjectRows rows, IReadOnlyList<object?[]> keys, CancellationToken cancellationToken) =>
        EntityAccess.For(rows.EntityType).WhereInAsync(context, rows.KeyProperties, keys, cancellationToken);

    private static bool IsQueryable(IEntityType entityType) =>
        entityType.BaseType is null && !entityType.IsOwned() && !entityType.HasSharedClrType && entityType.FindPrimaryKey() is not null;

    private static async Task<IReadOnlyList<object?[]>> PrincipalValuesAsync(
        DbContext context, SubjectRows principal, List<object?[]> keys, IReadOnlyKey principalKey, int batchSize, CancellationToken cancellationToken)
    {
        if (principalKey.IsPrimaryKey())
        {
            return keys;
        }

        var values = new List<object?[]>();
        foreach (var chunk in keys.Chunk(batchSize))
        {
            var rows = await LoadAsync(context, principal, chunk, cancellationToken).ConfigureAwait(false);
            values.AddRange(rows.Select(r => Values(context, r, principalKey.Properties)));
            context.ChangeTracker.Clear();
        }

        return values;
    }
}
