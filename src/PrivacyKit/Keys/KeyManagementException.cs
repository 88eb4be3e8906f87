namespace PrivacyKit.Keys;

/// <summary>
/// A key management system (a key file, Azure Key Vault, an HSM) failed to wrap or unwrap a key:
/// it is unreachable, refused the caller, does not hold the key, or the wrapped key is corrupt.
/// Nothing was written in plaintext because of it.
/// </summary>
public class KeyManagementException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public KeyManagementException()
        : base("The key management system failed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public KeyManagementException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public KeyManagementException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance naming the key.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="keyId">The identifier of the key-encryption key involved.</param>
    /// <param name="innerException">The cause.</param>
    public KeyManagementException(string message, string? keyId, Exception? innerException = null)
        : base(message, innerException)
    {
        KeyId = keyId;
    }

    /// <summary>Gets the identifier of the key-encryption key involved, when known.</summary>
    public string? KeyId { get; }

    /// <summary>Gets a value indicating whether retrying later may succeed (an outage or throttling rather than a refusal).</summary>
    public bool IsTransient { get; init; }
}
