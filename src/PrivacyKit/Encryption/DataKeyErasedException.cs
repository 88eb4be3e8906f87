namespace PrivacyKit.Encryption;

/// <summary>
/// The data key named in the ciphertext header was crypto-shredded: the data subject (or scope) was
/// erased and the value can never be decrypted again. Callers that expect erased values can use
/// <see cref="IFieldEncryptor.TryDecrypt{T}(ReadOnlySpan{byte}, in EncryptionContext, out T)"/> instead.
/// </summary>
public sealed class DataKeyErasedException : FieldDecryptionException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public DataKeyErasedException()
        : base("The data key of the ciphertext was erased.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public DataKeyErasedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public DataKeyErasedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal DataKeyErasedException(string message, in FieldDecryptionDetails details, Exception? innerException = null)
        : base(message, details, innerException)
    {
    }
}
