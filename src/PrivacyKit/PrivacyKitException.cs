namespace PrivacyKit;

/// <summary>
/// The base class of every exception PrivacyKit throws on purpose. Messages name what failed and
/// where (a key id, an entity and property, a purpose) and never contain personal values, keys or
/// tokens.
/// </summary>
public class PrivacyKitException : Exception
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public PrivacyKitException()
        : base("A PrivacyKit operation failed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public PrivacyKitException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public PrivacyKitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
