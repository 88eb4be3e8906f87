using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.EFCore.Requests;

namespace PrivacyKit.EFCore.Retention;

/// <summary>
/// Finds the data subject of rows whose entity has no <c>[DataSubjectId]</c> of its own (a deal, an activity) through
/// the shortest chain of foreign keys to an entity that has one, loading the principals batch by batch. Retention needs
/// it to honour legal holds placed on the subject.
/// </summary>
internal static class SubjectPath
{
    private const int MaxHops = 4;

    /// <summary>The foreign keys from <paramref name="entityType"/> to the nearest entity with a subject id, or <see langword="null"/>.</summary>
    public static IReadOnlyList<IForeignKey>? Find(IEntityType entityType)
    {
        var queue = new Queue<(IEntityType Type, List<IForeignKey> Path)>();
        queue.Enqueue((entityType, []));
        var seen = new HashSet<IEntityType> { entityType };
        while (queue.Count > 0)
        {
            var (type, path) = queue.Dequeue();
            foreach (var foreignKey in type.GetForeignKeys().Where(fk => !fk.IsOwnership))
            {
                var principal = foreignKey.PrincipalEntityType;
                if (!seen.Add(principal))
                {
                    continue;
                }

                List<IForeignKey> next = [.. path, foreignKey];
                if (PrivacyEntityMetadata.For(principal)?.SubjectIdProperty is not null)
                {
                    return next;
                }

                if (next.Count < MaxHops)
                {
                    queue.Enqueue((principal, next));
                }
            }
        }

        return null;
    }

    /// <summary>Resolves the subject of each row (by row key) from the values of the path's first foreign key.</summary>
    public static async Task<Dictionary<string, string>> ResolveAsync(
        DbContext db, IReadOnlyList<IForeignKey> path, IReadOnlyDictionary<string, object?[]> firstHop, int batchSize, CancellationToken cancellationToken)
    {
        var current = firstHop.Where(p => p.Value.All(v => v is not null)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var subjects = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var hop = 0; hop < path.Count && current.Count > 0; hop++)
        {
            var foreignKey = path[hop];
            var principal = foreignKey.PrincipalEntityType;
            var last = hop == path.Count - 1;
            var lookup = new Dictionary<string, object?[]?>(StringComparer.Ordinal);
            var wanted = current.Values.DistinctBy(ValueText.Key).ToList();
            foreach (var chunk in wanted.Chunk(batchSize))
            {
                foreach (var row in await EntityAccess.For(principal).WhereInAsync(db, foreignKey.PrincipalKey.Properties, chunk, cancellationToken).ConfigureAwait(false))
                {
                    var key = ValueText.Key(SubjectGraph.Values(db, row, foreignKey.PrincipalKey.Properties));
                    lookup[key] = last
                        ? [PrivacyEntityMetadata.For(principal)!.GetSubjectId(row)]
                        : SubjectGraph.Values(db, row, path[hop + 1].Properties);
                }

                db.ChangeTracker.Clear();
            }

            var next = new Dictionary<string, object?[]>(StringComparer.Ordinal);
            foreach (var (rowKey, values) in current)
            {
                if (lookup.TryGetValue(ValueText.Key(values), out var found) && found is not null && found.All(v => v is not null))
                {
                    if (last)
                    {
                        subjects[rowKey] = PrivacyEntityMetadata.FormatSubjectId(found[0]!);
                    }
                    else
                    {
                        next[rowKey] = found;
                    }
                }
            }

            current = next;
        }

        return subjects;
    }
}
