namespace PrivacyKit.Requests;

/// <summary>
/// A workflow command is not allowed for a data subject request in its current status (or a guard
/// refused it, such as a second extension or one after the deadline). HTTP adapters map it to 409 Conflict.
/// </summary>
public class InvalidRequestTransitionException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public InvalidRequestTransitionException()
        : base("The command is not allowed in the request's current status.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public InvalidRequestTransitionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidRequestTransitionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the request's identifier, when known.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the request's status when the command was refused.</summary>
    public SubjectRequestStatus CurrentStatus { get; init; }

    /// <summary>Gets the command that was refused.</summary>
    public SubjectRequestCommand AttemptedCommand { get; init; }
}
