namespace PrivacyKit.Encryption;

/// <summary>
/// The data key named in the ciphertext header (key id and version) is not in the data-key store:
/// the store is not the one the value was written with, or the key record was deleted.
/// </summary>
public sealed class DataKeyNotFoundException : FieldDecryptionException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public DataKeyNotFoundException()
        : base("The data key of the ciphertext is unknown.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public DataKeyNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public DataKeyNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal DataKeyNotFoundException(string message, in FieldDecryptionDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
