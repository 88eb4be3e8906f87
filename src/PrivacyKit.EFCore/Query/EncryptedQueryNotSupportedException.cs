namespace PrivacyKit.EFCore.Query;

/// <summary>
/// A LINQ query or bulk operation uses an encrypted property where the database would have to read its plaintext: in a filter, ordering, grouping, join or set operation, or as the target or source of ExecuteUpdate. The database only holds ciphertext, so the query would silently return wrong results. The message names the entity and the property; use WhereEquals on a [BlindIndex] property for equality, or filter after loading.
/// </summary>
public sealed class EncryptedQueryNotSupportedException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public EncryptedQueryNotSupportedException()
        : base("The query uses an encrypted property the database cannot read.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public EncryptedQueryNotSupportedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public EncryptedQueryNotSupportedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
