namespace PrivacyKit.Encryption;

/// <summary>
/// A field could not be encrypted for a reason other than a key management failure (those are
/// <see cref="Keys.KeyManagementException"/>): for example its scope was crypto-shredded, so new values
/// for it are refused until a new data key is created deliberately. Nothing was written in plaintext.
/// </summary>
public sealed class FieldEncryptionException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public FieldEncryptionException()
        : base("A field could not be encrypted.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public FieldEncryptionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public FieldEncryptionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
