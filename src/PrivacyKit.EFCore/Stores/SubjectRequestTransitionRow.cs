namespace PrivacyKit.EFCore.Stores;

/// <summary>One entry of a request's history, keyed by request id and sequence.</summary>
internal sealed class SubjectRequestTransitionRow
{
    public string RequestId { get; set; } = "";

    public long Sequence { get; set; }

    public int Command { get; set; }

    public int From { get; set; }

    public int To { get; set; }

    public DateTimeOffset At { get; set; }

    public string ActorId { get; set; } = "";

    public string? Reason { get; set; }
}
