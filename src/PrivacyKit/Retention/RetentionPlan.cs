namespace PrivacyKit.Retention;

/// <summary>What has expired at a point in time: the actions due, and the ones a legal hold suspends.</summary>
public sealed record RetentionPlan
{
    /// <summary>Gets the instant the plan was made for.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Gets the actions due, in the order the candidates were given.</summary>
    public required IReadOnlyList<RetentionPlanItem> Due { get; init; }

    /// <summary>Gets the expired data kept because of an active legal hold; each item names its holds.</summary>
    public required IReadOnlyList<RetentionPlanItem> Held { get; init; }
}
