namespace PrivacyKit.Requests;

/// <summary>Selects data subject requests from a store. Unset criteria match everything; set ones are combined with AND.</summary>
public sealed record SubjectRequestFilter
{
    /// <summary>Gets a value indicating whether only open (not completed or rejected) requests match.</summary>
    public bool OpenOnly { get; init; }

    /// <summary>Gets the latest <see cref="SubjectRequest.NextDueAt"/> that matches (exclusive); requests without a pending deadline do not match.</summary>
    public DateTimeOffset? NextDueBefore { get; init; }

    /// <summary>Gets the earliest <see cref="SubjectRequest.ReceivedAt"/> that matches (inclusive).</summary>
    public DateTimeOffset? ReceivedSince { get; init; }

    /// <summary>Gets the data subject whose requests match.</summary>
    public string? SubjectId { get; init; }

    /// <summary>Gets the kind of request that matches.</summary>
    public SubjectRequestKind? Kind { get; init; }

    /// <summary>Gets the tenant whose requests match.</summary>
    public string? TenantId { get; init; }
}
