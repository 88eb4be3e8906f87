namespace PrivacyKit.Access;

/// <summary>
/// Holds the current, validated role definitions as an immutable snapshot and replaces it atomically.
/// Bound options reload it automatically when their configuration changes; <see cref="Reload"/> does
/// it from code.
/// </summary>
/// <remarks>
/// Implementations must be thread-safe: readers see either the old or the new snapshot, never a mix.
/// A reload with invalid definitions throws and leaves the current snapshot in place. Every reload
/// invalidates cached access decisions.
/// </remarks>
public interface IAccessPolicyProvider
{
    /// <summary>Gets the version of the current snapshot; it grows with every reload.</summary>
    long Version { get; }

    /// <summary>Gets the names of the roles defined in the current snapshot.</summary>
    IReadOnlyCollection<string> RoleNames { get; }

    /// <summary>Validates <paramref name="options"/> and, when valid, makes them the current role definitions.</summary>
    /// <param name="options">The new definitions. They are copied into an immutable snapshot; later changes to the object have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="AccessControlException">The definitions are invalid; <see cref="AccessControlException.Errors"/> names each bad key.</exception>
    void Reload(AccessControlOptions options);
}
