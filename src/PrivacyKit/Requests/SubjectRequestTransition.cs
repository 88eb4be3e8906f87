namespace PrivacyKit.Requests;

/// <summary>One entry of a request's history: a command that changed (or confirmed) its status, by whom and why.</summary>
public sealed record SubjectRequestTransition
{
    /// <summary>Gets the request's identifier.</summary>
    public required string RequestId { get; init; }

    /// <summary>Gets the position in the request's history, from 1.</summary>
    public required long Sequence { get; init; }

    /// <summary>Gets the command applied.</summary>
    public required SubjectRequestCommand Command { get; init; }

    /// <summary>Gets the status before the command.</summary>
    public required SubjectRequestStatus From { get; init; }

    /// <summary>Gets the status after the command.</summary>
    public required SubjectRequestStatus To { get; init; }

    /// <summary>Gets when the command was applied.</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Gets the id of the actor who applied it.</summary>
    public required string ActorId { get; init; }

    /// <summary>Gets the non-personal reason (a rejection ground, an extension reason, a verification method), if any.</summary>
    public string? Reason { get; init; }
}
