using PrivacyKit.Retention;

namespace PrivacyKit.EFCore.Retention;

/// <summary>What one retention run did (or, in a dry run, would do). Identifiers only, no personal values.</summary>
public sealed record RetentionRunResult
{
    /// <summary>Gets the instant the run planned for.</summary>
    public required DateTimeOffset AsOf { get; init; }

    /// <summary>Gets a value indicating whether this was a dry run (nothing changed).</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets how many rows were deleted.</summary>
    public int Deleted { get; init; }

    /// <summary>Gets how many rows had fields anonymised (rows already anonymised by an earlier run are not counted again).</summary>
    public int Anonymised { get; init; }

    /// <summary>Gets how many data subjects had their data keys shredded.</summary>
    public int Shredded { get; init; }

    /// <summary>Gets the actions applied (or, in a dry run, due), in the order they were planned.</summary>
    public IReadOnlyList<RetentionPlanItem> Applied { get; init; } = [];

    /// <summary>Gets the expired data kept because of active legal holds.</summary>
    public IReadOnlyList<RetentionPlanItem> Held { get; init; } = [];
}
