using Microsoft.AspNetCore.Authorization;
using PrivacyKit.AspNetCore.Authorization;

namespace PrivacyKit.AspNetCore;

/// <summary>
/// Requires the data subject's valid consent to a purpose before the endpoint uses their data for it. The subject is the
/// signed-in subject, or the route value <see cref="SubjectRouteValue"/> names it. A purpose marked as sale or sharing is
/// also refused when the request carries an honoured Global Privacy Control signal. A denial is a 403 ProblemDetails
/// naming the purpose, audited as <c>AccessDenied</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class RequireConsentAttribute : AuthorizeAttribute
{
    /// <summary>Initializes a new instance of the <see cref="RequireConsentAttribute"/> class.</summary>
    /// <param name="purposeId">The consent purpose id (configured with <c>ConfigureConsent</c>).</param>
    /// <param name="subjectRouteValue">The route value holding the subject id (e.g. <c>id</c>), or <see langword="null"/> for the signed-in subject.</param>
    /// <exception cref="ArgumentException"><paramref name="purposeId"/> is null or empty, or a value contains '@'.</exception>
    public RequireConsentAttribute(string purposeId, string? subjectRouteValue = null)
        : base(PrivacyPolicyNames.ForConsent(Check(purposeId, nameof(purposeId)), subjectRouteValue is null ? null : Check(subjectRouteValue, nameof(subjectRouteValue))))
    {
        PurposeId = purposeId;
        SubjectRouteValue = subjectRouteValue;
    }

    /// <summary>Gets the purpose id.</summary>
    public string PurposeId { get; }

    /// <summary>Gets the route value holding the subject id, or <see langword="null"/>.</summary>
    public string? SubjectRouteValue { get; }

    private static string Check(string value, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, paramName);
        return value.Contains('@', StringComparison.Ordinal)
            ? throw new ArgumentException("A purpose id or route value name must not contain '@'.", paramName)
            : value;
    }
}
