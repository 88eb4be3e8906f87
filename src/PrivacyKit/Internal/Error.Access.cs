using PrivacyKit.Access;

namespace PrivacyKit.Internal;

internal static partial class Error
{
    public static ArgumentException InvalidPermission(string paramName) =>
        new("A permission must be 'resource:action' (e.g. 'customers:read'), each part letters, digits, '-', '_' or '.', the action may be '*'.", paramName);

    public static ArgumentException InvalidPermissionPart(string paramName) =>
        new($"The permission {paramName} must be 1 to 100 letters, digits, '-', '_' or '.'.", paramName);

    public static ArgumentException RowScopePropertyNotFound(Type entityType, string property, string paramName) =>
        new($"Entity type '{entityType.Name}' has no readable public property '{property}' to use as row scope property.", paramName);

    public static AccessControlException RowScopeNeedsProperty(RowScope scope, Type entityType, string what) =>
        new($"Row scope {scope} needs {what} property on entity type '{entityType.Name}'; name it with AccessControlOptions.MapRowScope<{entityType.Name}>(...).");

    public static AccessControlException NoRowScopeBinding(Type entityType, Permission permission) =>
        new($"Permission '{permission}' is row-scoped but entity type '{entityType.Name}' has no row scope binding; add one with AccessControlOptions.MapRowScope<{entityType.Name}>(...) or a custom IRowScopeResolver.");

    public static AccessControlException InvalidAccessPolicy(IReadOnlyList<string> errors) =>
        new($"The access control configuration is invalid: {string.Join(" ", errors)}", errors);

    public static AccessControlException UnknownRole(string role) =>
        new($"Role '{role}' is not defined; add it under {AccessControlOptions.SectionName}:Roles or with AccessControlOptions.AddRole.");

    public static AccessControlException SelfGrant(string role) =>
        new($"An actor cannot grant role '{role}' to themselves; another administrator must grant it.");

    public static AccessControlException SelfReview(string assignmentId) =>
        new($"An actor cannot recertify their own assignment '{assignmentId}'; another reviewer must review it.");

    public static AccessControlException AssignmentNotFound(string assignmentId) =>
        new($"Role assignment '{assignmentId}' does not exist.");

    public static SeparationOfDutiesException SeparationOfDuties(string role, string conflictingRole) =>
        new($"Role '{role}' cannot be granted: the actor holds role '{conflictingRole}', and the two are declared conflicting in {AccessControlOptions.SectionName}:ConflictingRoles. Revoke '{conflictingRole}' first or grant the role to someone else.", role, conflictingRole);

    public static ArgumentOutOfRangeException ExpiryNotAfterStart(string paramName) =>
        new(paramName, "A role assignment must expire after it starts (and after now when it has no start time).");

    public static AccessDeniedException AccessDenied(AccessDecision decision) =>
        new($"Permission '{decision.Permission}' was denied ({decision.Reason}): {decision.Detail}", decision.Permission, decision.Reason);
}
