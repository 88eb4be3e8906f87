namespace PrivacyKit.EFCore.Internal;

// Exceptions of the EF Core role store. Messages name ids only: actor ids and reasons never appear.
internal static partial class Error
{
    public static ArgumentException RoleAssignmentExists(string id, string paramName) => new(
        $"A role assignment with id '{id}' exists: assignments are never replaced, so give every assignment a new id.", paramName);

    public static ArgumentException AccessReviewExists(string id, string paramName) => new(
        $"An access review record with id '{id}' exists: recertifications are append-only, so give every record a new id.", paramName);
}
