namespace PrivacyKit.Access;

/// <summary>A recertification: a reviewer's decision on one role assignment, and when it was made.</summary>
public sealed record AccessReviewRecord
{
    /// <summary>Gets the record's unique id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the id of the reviewed assignment.</summary>
    public required string AssignmentId { get; init; }

    /// <summary>Gets the id of the reviewer.</summary>
    public required string ReviewerId { get; init; }

    /// <summary>Gets the decision.</summary>
    public required AccessReviewDecision Decision { get; init; }

    /// <summary>Gets when the decision was made.</summary>
    public required DateTimeOffset ReviewedAt { get; init; }
}
