namespace PrivacyKit.Consent;

/// <summary>A consent operation was asked about a purpose that is not registered, or could not be carried out. <see cref="PurposeId"/> says which purpose.</summary>
public class ConsentException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public ConsentException()
        : base("A consent operation failed.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public ConsentException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public ConsentException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance naming the purpose.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="purposeId">The purpose id.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ConsentException(string message, string? purposeId, Exception? innerException = null)
        : base(message, innerException)
    {
        PurposeId = purposeId;
    }

    /// <summary>Gets the purpose id involved, if any.</summary>
    public string? PurposeId { get; }
}
