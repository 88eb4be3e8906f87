namespace PrivacyKit.Encryption;

/// <summary>
/// The value is shorter than a PrivacyKit ciphertext can be: it was cut off (a column too short, a
/// truncating copy) or it is not a ciphertext.
/// </summary>
public sealed class TruncatedCiphertextException : FieldDecryptionException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public TruncatedCiphertextException()
        : base("The ciphertext is truncated.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public TruncatedCiphertextException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public TruncatedCiphertextException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal TruncatedCiphertextException(string message, in FieldDecryptionDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
