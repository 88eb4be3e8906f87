namespace PrivacyKit.Requests;

/// <summary>What a personal data source needs to know to act on one data subject request.</summary>
public sealed record PersonalDataSourceContext
{
    /// <summary>
    /// Gets the request's identifier. A source may be called again for the same request after a
    /// crash between its work and the record of it; the id lets it recognise a repeat.
    /// </summary>
    public required string RequestId { get; init; }

    /// <summary>Gets the data subject whose data is concerned.</summary>
    public required string SubjectId { get; init; }

    /// <summary>Gets the subject's tenant, if any.</summary>
    public string? TenantId { get; init; }

    /// <summary>Gets what the subject asked for.</summary>
    public required SubjectRequestKind Kind { get; init; }

    /// <summary>Gets the non-personal scope (purpose ids or data categories); empty means everything.</summary>
    public IReadOnlyList<string> Scope { get; init; } = [];
}
