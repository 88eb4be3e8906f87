namespace PrivacyKit.Classification;

/// <summary>One finding of the data map's posture check. It names fields, never values.</summary>
public sealed record PostureFinding
{
    /// <summary>Gets what the finding is about.</summary>
    public required PostureFindingKind Kind { get; init; }

    /// <summary>Gets how serious it is.</summary>
    public required PostureSeverity Severity { get; init; }

    /// <summary>Gets the entity name.</summary>
    public required string EntityType { get; init; }

    /// <summary>Gets the property name, or <see langword="null"/> when the finding is about the whole entity.</summary>
    public string? Property { get; init; }

    /// <summary>Gets what is wrong and how to fix it.</summary>
    public required string Message { get; init; }
}
