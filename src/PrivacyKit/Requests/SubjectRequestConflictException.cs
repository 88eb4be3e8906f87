namespace PrivacyKit.Requests;

/// <summary>
/// A data subject request is being changed or executed by someone else (another app instance holds
/// its execution lease, or concurrent changes kept winning). Retry later. HTTP adapters map it to 409 Conflict.
/// </summary>
public class SubjectRequestConflictException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public SubjectRequestConflictException()
        : base("The data subject request is being changed by someone else; retry later.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public SubjectRequestConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public SubjectRequestConflictException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the request's identifier, when known.</summary>
    public string? RequestId { get; init; }
}
