namespace PrivacyKit.Requests;

/// <summary>No data subject request has the given id. HTTP adapters map it to 404 Not Found.</summary>
public class SubjectRequestNotFoundException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public SubjectRequestNotFoundException()
        : base("The data subject request was not found.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public SubjectRequestNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public SubjectRequestNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the id that was not found.</summary>
    public string? RequestId { get; init; }
}
