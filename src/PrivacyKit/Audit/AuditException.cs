namespace PrivacyKit.Audit;

/// <summary>
/// An audit event could not be recorded: the pipeline is full and configured to fail the
/// operation, a sink failed in guaranteed delivery, or the pipeline has been shut down. The
/// operation being audited must not proceed as if it were recorded.
/// </summary>
public class AuditException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public AuditException()
        : base("An audit event could not be recorded.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public AuditException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public AuditException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
