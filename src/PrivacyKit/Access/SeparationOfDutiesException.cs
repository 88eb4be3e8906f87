namespace PrivacyKit.Access;

/// <summary>
/// A role assignment was refused because the actor already holds a role declared conflicting with it
/// in <see cref="AccessControlOptions.ConflictingRoles"/>.
/// </summary>
public sealed class SeparationOfDutiesException : AccessControlException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public SeparationOfDutiesException()
        : base("The role conflicts with a role the actor already holds.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What failed and what to fix.</param>
    public SeparationOfDutiesException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="innerException">The cause.</param>
    public SeparationOfDutiesException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance naming the two roles.</summary>
    /// <param name="message">What failed and what to fix.</param>
    /// <param name="role">The role that was asked for.</param>
    /// <param name="conflictingRole">The role already held that conflicts with it.</param>
    public SeparationOfDutiesException(string message, string role, string conflictingRole)
        : base(message)
    {
        Role = role;
        ConflictingRole = conflictingRole;
    }

    /// <summary>Gets the role that was asked for.</summary>
    public string? Role { get; }

    /// <summary>Gets the role already held that conflicts with <see cref="Role"/>.</summary>
    public string? ConflictingRole { get; }
}
