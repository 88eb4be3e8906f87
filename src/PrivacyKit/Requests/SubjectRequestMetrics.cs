namespace PrivacyKit.Requests;

/// <summary>Figures about data subject requests for operators and supervisory reports.</summary>
public sealed record SubjectRequestMetrics
{
    /// <summary>Gets the start of the period the figures cover (by receipt), or <see langword="null"/> for all time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets when the figures were computed.</summary>
    public required DateTimeOffset ComputedAt { get; init; }

    /// <summary>Gets how many requests were received, per kind (kinds without requests are absent).</summary>
    public required IReadOnlyDictionary<SubjectRequestKind, int> CountsByKind { get; init; }

    /// <summary>Gets how many requests were received in all.</summary>
    public int Total { get; init; }

    /// <summary>Gets how many requests are open.</summary>
    public int Open { get; init; }

    /// <summary>Gets how many open requests are past a pending deadline.</summary>
    public int Overdue { get; init; }

    /// <summary>Gets how many requests were extended.</summary>
    public int Extended { get; init; }

    /// <summary>Gets how many requests were completed.</summary>
    public int Completed { get; init; }

    /// <summary>Gets how many requests were rejected.</summary>
    public int Rejected { get; init; }

    /// <summary>Gets how many requests were closed after their deadline.</summary>
    public int ClosedLate { get; init; }

    /// <summary>Gets the median time from receipt to completion or rejection, or <see langword="null"/> when none is closed.</summary>
    public TimeSpan? MedianTimeToClose { get; init; }
}
