namespace PrivacyKit.Encryption;

/// <summary>
/// The value is not a well-formed PrivacyKit ciphertext of the requested kind: its text encoding is
/// broken, or it authenticates but holds another value type than the one requested.
/// </summary>
public sealed class InvalidCiphertextException : FieldDecryptionException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public InvalidCiphertextException()
        : base("The value is not a valid ciphertext of the requested type.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public InvalidCiphertextException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidCiphertextException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal InvalidCiphertextException(string message, in FieldDecryptionDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
