namespace PrivacyKit.Internal;

internal static partial class Error
{
    public static InvalidOperationException LegalHoldExists(string holdId) =>
        new($"A legal hold with id '{holdId}' already exists; holds are never replaced, give the new hold a new id.");

    public static ArgumentException LegalHoldEntityTypeEmpty(string paramName) =>
        new("A legal hold's entity types must be entity names; remove the empty entry, or pass none to hold every entity of the subject.", paramName);
}
