namespace PrivacyKit.Access;

/// <summary>
/// How a field is shown to an actor. When several roles apply, the most open one wins
/// (<see cref="Clear"/> over <see cref="Masked"/> over <see cref="Hidden"/>).
/// </summary>
public enum FieldAccess
{
    /// <summary>The value is withheld (read as <see langword="null"/> or left out).</summary>
    Hidden = 0,

    /// <summary>The value is shown masked (see <see cref="FieldMask"/>), never in full.</summary>
    Masked = 1,

    /// <summary>The value is shown in full.</summary>
    Clear = 2,
}
