namespace PrivacyKit.Encryption;

/// <summary>
/// The ciphertext was encrypted for another place (another entity, property, scope or tenant) than the one
/// it is being decrypted for: typically a value copied into another row or column. The context check in
/// the header is a diagnostic, not the protection: authentication would reject the value anyway.
/// </summary>
public sealed class EncryptionContextMismatchException : FieldDecryptionException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public EncryptionContextMismatchException()
        : base("The ciphertext belongs to another encryption context.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public EncryptionContextMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public EncryptionContextMismatchException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal EncryptionContextMismatchException(string message, in FieldDecryptionDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
