namespace PrivacyKit.Requests;

/// <summary>
/// A personal data source failed while a request was executed. The sources that finished are
/// recorded; executing the request again resumes with the failed source. The inner exception is the
/// source's own; its message is not PrivacyKit's and may need care before it is shown or logged.
/// </summary>
public class SubjectRequestExecutionException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public SubjectRequestExecutionException()
        : base("A personal data source failed while the request was executed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public SubjectRequestExecutionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public SubjectRequestExecutionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the request's identifier, when known.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the name of the source that failed, when known.</summary>
    public string? SourceName { get; init; }
}
