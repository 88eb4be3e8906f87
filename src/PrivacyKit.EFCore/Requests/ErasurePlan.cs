using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.Requests;
using PrivacyKit.Retention;

namespace PrivacyKit.EFCore.Requests;

/// <summary>What erasure does with each entity type of a subject, dependents first so that no foreign key is broken.</summary>
internal sealed record ErasurePlan(SubjectRows Rows, ErasureStrategy Strategy, LegalHold? Hold, string? Reason)
{
    public static IReadOnlyList<ErasurePlan> Create(
        IReadOnlyList<SubjectRows> graph,
        IReadOnlyCollection<string> requested,
        IReadOnlyList<LegalHold> holds,
        EntityFrameworkPersonalDataOptions options,
        IReadOnlyDictionary<IEntityType, string> referencedByOthers)
    {
        var steps = new List<ErasurePlan>();
        var deleted = new HashSet<IEntityType>();
        foreach (var rows in graph.OrderByDescending(r => r.Depth))
        {
            if (!requested.Contains(rows.Name, StringComparer.Ordinal))
            {
                continue;
            }

            if (holds.FirstOrDefault(h => h.Covers(rows.Name)) is { } hold)
            {
                steps.Add(new ErasurePlan(rows, ErasureStrategy.Anonymise, hold, null));
                continue;
            }

            var strategy = options.StrategyFor(rows.Name);
            string? reason = null;
            if (strategy == ErasureStrategy.Delete)
            {
                var kept = rows.EntityType.GetReferencingForeignKeys()
                    .Select(fk => fk.DeclaringEntityType)
                    .FirstOrDefault(d => !ReferenceEquals(d, rows.EntityType) && !deleted.Contains(d) && graph.Any(g => ReferenceEquals(g.EntityType, d)));
                if (referencedByOthers.TryGetValue(rows.EntityType, out var other))
                {
                    strategy = ErasureStrategy.Anonymise;
                    reason = $"anonymised, not deleted: {other} rows of another data subject refer to them";
                }
                else if (kept is not null)
                {
                    strategy = ErasureStrategy.Anonymise;
                    reason = $"anonymised, not deleted: dependent {graph.First(g => ReferenceEquals(g.EntityType, kept)).Name} rows are kept";
                }
                else
                {
                    deleted.Add(rows.EntityType);
                }
            }

            steps.Add(new ErasurePlan(rows, strategy, null, reason));
        }

        return steps;
    }

    public PersonalDataChange ToChange(int count) => new()
    {
        EntityType = Rows.Name,
        Action = Strategy switch
        {
            ErasureStrategy.Delete => PersonalDataAction.Deleted,
            ErasureStrategy.ShredKey => PersonalDataAction.Shredded,
            _ => PersonalDataAction.Anonymised,
        },
        RecordCount = count,
        Fields = Strategy == ErasureStrategy.Delete ? [] : [.. Anonymiser.Fields(Rows.Metadata).Select(f => f.Name)],
        Reason = Reason,
    };
}
