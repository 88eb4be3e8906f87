using Microsoft.AspNetCore.Authorization;

namespace PrivacyKit.AspNetCore.Authorization;

/// <summary>The signed-in user must be a data subject (carry the subject id claim).</summary>
internal sealed class DataSubjectRequirement : IAuthorizationRequirement
{
    public static DataSubjectRequirement Instance { get; } = new();
}
