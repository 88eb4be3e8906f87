using PrivacyKit.Access;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>Policy names the policy provider understands; no policy has to be registered by hand.</summary>
internal static class PrivacyPolicyNames
{
    public const string Prefix = "privacykit:";
    public const string PermissionPrefix = Prefix + "permission:";
    public const string ConsentPrefix = Prefix + "consent:";
    public const string StepUp = Prefix + "step-up";
    public const string DataSubject = Prefix + "data-subject";

    public static string ForPermission(string permission) => PermissionPrefix + Permission.Parse(permission);

    public static string ForConsent(string purposeId, string? subjectRouteValue) =>
        subjectRouteValue is null ? ConsentPrefix + purposeId : ConsentPrefix + purposeId + "@" + subjectRouteValue;
}
