namespace PrivacyKit.Retention;

/// <summary>One expired record or field in a <see cref="RetentionPlan"/> and what to do with it.</summary>
public sealed record RetentionPlanItem
{
    /// <summary>Gets the entity name.</summary>
    public required string EntityType { get; init; }

    /// <summary>Gets the record's key.</summary>
    public required string Key { get; init; }

    /// <summary>Gets the data subject, or <see langword="null"/>.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Gets the field to anonymise, or <see langword="null"/> when the action applies to the record (delete) or the subject (shred key).</summary>
    public string? Property { get; init; }

    /// <summary>Gets the action that applies.</summary>
    public required RetentionAction Action { get; init; }

    /// <summary>Gets the instant the data expired.</summary>
    public required DateTimeOffset ExpiredAt { get; init; }

    /// <summary>Gets the rule that expired it.</summary>
    public required RetentionPolicy Policy { get; init; }

    /// <summary>Gets the ids of the active legal holds that suspend the action; empty when it is due.</summary>
    public IReadOnlyList<string> HoldIds { get; init; } = [];

    /// <summary>Gets a value indicating whether a legal hold suspends the action.</summary>
    public bool IsHeld => HoldIds.Count > 0;
}
