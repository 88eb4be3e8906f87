namespace PrivacyKit.Classification;

/// <summary>
/// The classification attributes or data map contributions are inconsistent: two subject ids on one
/// entity, a malformed retention period, a retention rule counting from a missing property, an
/// encrypted field with no classification. <see cref="EntityType"/> and <see cref="PropertyName"/> say where.
/// </summary>
public class DataMapException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public DataMapException()
        : base("The data map is inconsistent.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What is wrong and what to fix.</param>
    public DataMapException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What is wrong and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public DataMapException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance naming where the problem is.</summary>
    /// <param name="message">What is wrong and what to fix.</param>
    /// <param name="entityType">The entity (type) name.</param>
    /// <param name="propertyName">The property name, if the problem is on a property.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DataMapException(string message, string? entityType, string? propertyName, Exception? innerException = null)
        : base(message, innerException)
    {
        EntityType = entityType;
        PropertyName = propertyName;
    }

    /// <summary>Gets the entity (type) name where the problem is.</summary>
    public string? EntityType { get; }

    /// <summary>Gets the property name where the problem is, if it is on a property.</summary>
    public string? PropertyName { get; }
}
