namespace PrivacyKit.Encryption;

/// <summary>
/// The value starts with a ciphertext format version this version of PrivacyKit does not read: it was
/// written by a newer PrivacyKit, or it is not a PrivacyKit ciphertext at all.
/// </summary>
public sealed class UnsupportedCiphertextVersionException : FieldDecryptionException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public UnsupportedCiphertextVersionException()
        : base("The ciphertext format version is not supported.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public UnsupportedCiphertextVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public UnsupportedCiphertextVersionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal UnsupportedCiphertextVersionException(string message, in FieldDecryptionDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
