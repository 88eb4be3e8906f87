namespace PrivacyKit.Requests;

/// <summary>What was done to a subject's data of one entity type in one source. No values.</summary>
public sealed record PersonalDataChange
{
    /// <summary>Gets the source's name. Set by the executor from <see cref="IPersonalDataSource.Name"/>; sources may leave it empty.</summary>
    public string Source { get; init; } = "";

    /// <summary>Gets the entity type, e.g. <c>Customer</c>.</summary>
    public required string EntityType { get; init; }

    /// <summary>Gets what was done.</summary>
    public required PersonalDataAction Action { get; init; }

    /// <summary>Gets how many records were concerned.</summary>
    public int RecordCount { get; init; }

    /// <summary>Gets the names of the fields concerned, if fewer than all.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Gets the non-personal reason, required for <see cref="PersonalDataAction.Retained"/> (e.g. <c>legal hold: case 2024-17</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the legal hold that retained the data, if one did.</summary>
    public string? LegalHoldId { get; init; }
}
