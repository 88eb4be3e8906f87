namespace PrivacyKit.Internal;

internal static partial class Error
{
    public static InvalidOperationException LegalHoldExists(string holdId) =>
        new($"A legal hold with id '{holdId}' already exists; holds are never replaced, give the new hold a new id.");
}
