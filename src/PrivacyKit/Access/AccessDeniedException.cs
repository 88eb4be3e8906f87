namespace PrivacyKit.Access;

/// <summary>An access decision denied the actor; thrown by <see cref="AccessDecision.ThrowIfDenied"/>.</summary>
public sealed class AccessDeniedException : PrivacyKitException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public AccessDeniedException()
        : base("Access was denied.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What was denied and why.</param>
    public AccessDeniedException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What was denied and why.</param>
    /// <param name="innerException">The cause.</param>
    public AccessDeniedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for a denied permission.</summary>
    /// <param name="message">What was denied and why.</param>
    /// <param name="permission">The permission denied.</param>
    /// <param name="reason">Why it was denied.</param>
    public AccessDeniedException(string message, Permission permission, AccessDecisionReason reason)
        : base(message)
    {
        Permission = permission;
        Reason = reason;
    }

    /// <summary>Gets the permission denied.</summary>
    public Permission Permission { get; }

    /// <summary>Gets why it was denied.</summary>
    public AccessDecisionReason Reason { get; }
}
