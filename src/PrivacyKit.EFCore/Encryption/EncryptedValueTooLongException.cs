namespace PrivacyKit.EFCore.Encryption;

/// <summary>
/// The plaintext of an encrypted property is longer than its [MaxLength] (or HasMaxLength): the limit applies to the plaintext and is checked before encryption, so nothing was written. The message names the entity, the property and the limit, never the value.
/// </summary>
public sealed class EncryptedValueTooLongException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public EncryptedValueTooLongException()
        : base("An encrypted value is longer than its property allows.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public EncryptedValueTooLongException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public EncryptedValueTooLongException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
