using Microsoft.AspNetCore.Authorization;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>The data subject must have consented to the purpose (or it needs none), and not opted out of it by GPC.</summary>
internal sealed class ConsentRequirement(string purposeId, string? subjectRouteValue) : IAuthorizationRequirement
{
    public string PurposeId { get; } = purposeId;

    /// <summary>Gets the route value holding the subject id, or <see langword="null"/> for the signed-in subject.</summary>
    public string? SubjectRouteValue { get; } = subjectRouteValue;
}
