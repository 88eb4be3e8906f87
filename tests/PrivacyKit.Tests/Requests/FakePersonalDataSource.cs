using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

/// <summary>
/// A source holding a few entity types of one subject in memory. It can be told to fail its next
/// calls, and counts the calls that did their work, so tests can prove each source's work happens once.
/// </summary>
internal sealed class FakePersonalDataSource(string name, params (string EntityType, string Category)[] entities) : IPersonalDataSource
{
    private readonly Dictionary<string, (string Category, int Count)> _held =
        entities.ToDictionary(e => e.EntityType, e => (e.Category, 1), StringComparer.Ordinal);

    public string Name { get; } = name;

    /// <summary>How many of the next calls throw before doing anything.</summary>
    public int FailNextCalls { get; set; }

    /// <summary>The message of the exception thrown when failing (tests plant canaries in it).</summary>
    public string FailureMessage { get; set; } = "source down";

    public int CompletedCalls { get; private set; }

    public int AttemptedCalls { get; private set; }

    public List<IReadOnlyCollection<string>> ErasedEntityTypes { get; } = [];

    public List<IReadOnlyList<FieldCorrection>> Corrections { get; } = [];

    public List<PersonalDataSourceContext> Contexts { get; } = [];

    public IReadOnlyCollection<string> HeldEntityTypes => _held.Keys;

    public ValueTask<IReadOnlyList<PersonalDataLocation>> FindAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PersonalDataLocation> found =
        [
            .. _held.Select(h => new PersonalDataLocation { EntityType = h.Key, Category = h.Value.Category, Fields = ["Email", "Name"], RecordCount = h.Value.Count }),
        ];
        return ValueTask.FromResult(found);
    }

    public ValueTask<PersonalDataExport> ExportAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        Enter(context);
        var export = new PersonalDataExport
        {
            Records =
            [
                .. _held.Select(h => new PersonalDataRecord
                {
                    EntityType = h.Key,
                    Category = h.Value.Category,
                    RecordId = "1",
                    Fields = new Dictionary<string, string?> { ["Email"] = RequestTestHost.Canary, ["Name"] = "Alice" },
                }),
            ],
            Purposes = [$"{Name}:service"],
            Recipients = ["payment processor"],
        };
        return Done(export);
    }

    public ValueTask<IReadOnlyList<PersonalDataChange>> EraseAsync(PersonalDataSourceContext context, IReadOnlyCollection<string> entityTypes, CancellationToken cancellationToken = default)
    {
        Enter(context);
        ErasedEntityTypes.Add(entityTypes);
        IReadOnlyList<PersonalDataChange> changes =
        [
            .. entityTypes.Select(t => new PersonalDataChange { EntityType = t, Action = PersonalDataAction.Deleted, RecordCount = _held[t].Count }),
        ];
        foreach (var type in entityTypes)
        {
            _held.Remove(type);
        }

        return Done(changes);
    }

    public ValueTask<IReadOnlyList<PersonalDataChange>> RectifyAsync(PersonalDataSourceContext context, IReadOnlyList<FieldCorrection> corrections, CancellationToken cancellationToken = default)
    {
        Enter(context);
        Corrections.Add(corrections);
        IReadOnlyList<PersonalDataChange> changes =
        [
            .. corrections.Where(c => _held.ContainsKey(c.EntityType))
                .Select(c => new PersonalDataChange { EntityType = c.EntityType, Action = PersonalDataAction.Rectified, RecordCount = 1, Fields = [c.Field] }),
        ];
        return Done(changes);
    }

    public ValueTask<IReadOnlyList<PersonalDataChange>> RestrictAsync(PersonalDataSourceContext context, CancellationToken cancellationToken = default)
    {
        Enter(context);
        IReadOnlyList<PersonalDataChange> changes =
        [
            .. _held.Select(h => new PersonalDataChange { EntityType = h.Key, Action = PersonalDataAction.Restricted, RecordCount = h.Value.Count }),
        ];
        return Done(changes);
    }

    private void Enter(PersonalDataSourceContext context)
    {
        AttemptedCalls++;
        Contexts.Add(context);
        if (FailNextCalls > 0)
        {
            FailNextCalls--;
            throw new InvalidOperationException(FailureMessage);
        }
    }

    private ValueTask<T> Done<T>(T result)
    {
        CompletedCalls++;
        return ValueTask.FromResult(result);
    }
}
