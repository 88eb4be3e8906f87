namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// The EF Core model cannot carry PrivacyKit's protection as configured: for example an encrypted property is part of a key or index, has a type the field encryptor does not support, or names an unknown blind-index normaliser. Thrown while the model is built; the message names the entity, the property and what to change.
/// </summary>
public sealed class PrivacyKitModelException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public PrivacyKitModelException()
        : base("The model is not valid for PrivacyKit.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public PrivacyKitModelException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public PrivacyKitModelException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
