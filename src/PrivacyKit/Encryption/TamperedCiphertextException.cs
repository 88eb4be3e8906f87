namespace PrivacyKit.Encryption;

/// <summary>
/// The ciphertext failed authentication: a byte of it was changed after encryption (corruption or
/// tampering). Nothing of the plaintext is returned. A value encrypted for another place whose context
/// check happens to collide (probability 2^-16) is also reported this way.
/// </summary>
public sealed class TamperedCiphertextException : FieldDecryptionException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public TamperedCiphertextException()
        : base("The ciphertext failed authentication.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public TamperedCiphertextException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public TamperedCiphertextException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal TamperedCiphertextException(string message, in FieldDecryptionDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
