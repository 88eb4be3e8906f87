namespace PrivacyKit.Requests;

/// <summary>
/// The record of one source's work on one request, kept by the request store so that an execution
/// can resume after a crash without redoing finished sources.
/// </summary>
/// <remarks>
/// <see cref="Export"/> holds personal values until the request is answered; a database-backed
/// store must protect it as it protects other personal fields.
/// </remarks>
public sealed record SourceExecutionRecord
{
    /// <summary>Gets the request's identifier.</summary>
    public required string RequestId { get; init; }

    /// <summary>Gets the source's name.</summary>
    public required string SourceName { get; init; }

    /// <summary>Gets how far the source got.</summary>
    public required SourceExecutionStatus Status { get; init; }

    /// <summary>Gets how many times the source was called for this request.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets when the last attempt started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Gets when the source finished, if it did.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Gets the type name of the exception of the last failure (never its message), if it failed.</summary>
    public string? ErrorType { get; init; }

    /// <summary>Gets where the source holds the subject's data, when it was asked (erasure).</summary>
    public IReadOnlyList<PersonalDataLocation> Locations { get; init; } = [];

    /// <summary>Gets the source's export (access, portability).</summary>
    public PersonalDataExport? Export { get; init; }

    /// <summary>Gets what the source did (erasure, rectification, restriction, objection, opt-out), including what was retained.</summary>
    public IReadOnlyList<PersonalDataChange> Changes { get; init; } = [];
}
