namespace PrivacyKit.Access;

/// <summary>
/// Access control is configured or used wrongly: invalid role definitions (see <see cref="Errors"/>,
/// each naming the bad configuration key), an unknown role or assignment, a self-grant or self-review,
/// or a row scope the entity has no property for.
/// </summary>
public class AccessControlException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public AccessControlException()
        : base("Access control is configured or used wrongly.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public AccessControlException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public AccessControlException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance with a message and the list of problems found.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="errors">Each problem, naming the configuration key at fault.</param>
    public AccessControlException(string message, IReadOnlyList<string> errors)
        : base(message)
    {
        Errors = errors ?? [];
    }

    /// <summary>Gets each problem found in the role definitions, naming the configuration key at fault.</summary>
    public IReadOnlyList<string> Errors { get; } = [];
}
