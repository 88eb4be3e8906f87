namespace PrivacyKit.EFCore.Requests;

/// <summary>
/// A rectification asked for a field the DbContext cannot correct: the entity type has no such property, the property
/// is not personal data (or identifies the data subject), or the corrected value does not convert to the property's
/// type. Nothing was changed. The message names the entity type and field, never the value.
/// </summary>
public class RectificationException : PrivacyKitException
{
    /// <summary>Initializes a new instance.</summary>
    public RectificationException()
        : base("A field correction could not be applied.")
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    public RectificationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong and how to fix it.</param>
    /// <param name="innerException">The cause.</param>
    public RectificationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Gets the entity type named by the correction.</summary>
    public string? EntityType { get; init; }

    /// <summary>Gets the field named by the correction.</summary>
    public string? Field { get; init; }
}
