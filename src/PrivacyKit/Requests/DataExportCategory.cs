namespace PrivacyKit.Requests;

/// <summary>One category of personal data in an export package: its fields and the sources that hold it.</summary>
public sealed record DataExportCategory
{
    /// <summary>Gets the category's name, e.g. <c>contact</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the names of the fields of this category, as <c>EntityType.Field</c>, sorted.</summary>
    public required IReadOnlyList<string> Fields { get; init; }

    /// <summary>Gets the names of the sources that hold data of this category, sorted.</summary>
    public required IReadOnlyList<string> Sources { get; init; }
}
