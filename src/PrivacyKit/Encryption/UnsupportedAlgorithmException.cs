namespace PrivacyKit.Encryption;

/// <summary>
/// The ciphertext names an encryption algorithm this version of PrivacyKit does not implement.
/// </summary>
public sealed class UnsupportedAlgorithmException : FieldDecryptionException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public UnsupportedAlgorithmException()
        : base("The ciphertext algorithm is not supported.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public UnsupportedAlgorithmException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public UnsupportedAlgorithmException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal UnsupportedAlgorithmException(string message, in FieldDecryptionDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
