namespace PrivacyKit.Encryption;

/// <summary>
/// The base class of every failure to decrypt a field. The concrete type says what class of problem it
/// is (format, truncation, tampering, wrong place, unknown or erased key); the message and properties
/// name the entity, property and data key involved, never the plaintext, a key or a byte position.
/// </summary>
public class FieldDecryptionException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public FieldDecryptionException()
        : base("A field could not be decrypted.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public FieldDecryptionException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public FieldDecryptionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    private protected FieldDecryptionException(string message, in FieldDecryptionDetails details, Exception? innerException)
        : base(message, innerException)
    {
        Entity = details.Entity;
        Property = details.Property;
        KeyId = details.KeyId;
        KeyVersion = details.KeyVersion;
    }

    /// <summary>Gets the entity the value was decrypted for, when known.</summary>
    public string? Entity { get; }

    /// <summary>Gets the property the value was decrypted for, when known.</summary>
    public string? Property { get; }

    /// <summary>Gets the data-key id read from the ciphertext header, when the header was readable.</summary>
    public string? KeyId { get; }

    /// <summary>Gets the data-key version read from the ciphertext header, when the header was readable.</summary>
    public int? KeyVersion { get; }
}
