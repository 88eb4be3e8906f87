using System.Security.Claims;
using PrivacyKit.Requests;

namespace PrivacyKit.AspNetCore;

/// <summary>
/// Options of the ASP.NET Core adapter: where the actor's identity comes from, Global Privacy Control,
/// step-up authentication, export rate limits and the transport posture check. Validated at start-up.
/// </summary>
public sealed class PrivacyKitAspNetCoreOptions
{
    /// <summary>Gets or sets the claim type that holds the actor's stable identifier.</summary>
    /// <value>Default <see cref="ClaimTypes.NameIdentifier"/> (the JWT handler maps <c>sub</c> to it).</value>
    public string ActorIdClaimType { get; set; } = ClaimTypes.NameIdentifier;

    /// <summary>Gets or sets the claim type of the actor's roles.</summary>
    /// <value>Default <see cref="ClaimTypes.Role"/>.</value>
    public string RoleClaimType { get; set; } = ClaimTypes.Role;

    /// <summary>Gets or sets the claim type of the actor's tenant.</summary>
    /// <value>Default <c>tenant_id</c>.</value>
    public string TenantIdClaimType { get; set; } = "tenant_id";

    /// <summary>
    /// Gets or sets the claim type that links a signed-in user to the data subject they are (a customer's id).
    /// Only users with this claim can use the self-service privacy endpoints.
    /// </summary>
    /// <value>Default <c>subject_id</c>.</value>
    public string SubjectIdClaimType { get; set; } = "subject_id";

    /// <summary>Gets or sets the claim type naming whom the actor acts for (an authorised agent's principal).</summary>
    /// <value>Default <c>on_behalf_of</c>.</value>
    public string OnBehalfOfClaimType { get; set; } = "on_behalf_of";

    /// <summary>Gets or sets the claim type of the privacy regime that applies to the signed-in subject (<c>gdpr</c>, <c>ccpa</c>, <c>pipl</c>).</summary>
    /// <value>Default <c>privacy_regime</c>.</value>
    public string RegimeClaimType { get; set; } = "privacy_regime";

    /// <summary>Gets or sets the regime used when the principal carries no regime claim.</summary>
    /// <value>Default <see cref="PrivacyRegime.Gdpr"/>.</value>
    public PrivacyRegime DefaultRegime { get; set; } = PrivacyRegime.Gdpr;

    /// <summary>
    /// Gets or sets the claim type that binds a token to a processing purpose (e.g. a service client allowed only for
    /// <c>billing</c>). When the principal has it, it is the request's purpose and the purpose header is ignored.
    /// </summary>
    /// <value>Default <c>privacy_purpose</c>.</value>
    public string PurposeClaimType { get; set; } = "privacy_purpose";

    /// <summary>Gets or sets the request header that names the purpose of the request's processing (when no purpose claim binds it).</summary>
    /// <value>Default <c>X-Privacy-Purpose</c>.</value>
    public string PurposeHeaderName { get; set; } = "X-Privacy-Purpose";

    /// <summary>
    /// Gets the regimes under which a <c>Sec-GPC: 1</c> header is honoured as an opt-out of sale and sharing.
    /// Remove a regime to ignore the signal for subjects under it.
    /// </summary>
    /// <value>Default: every regime (GDPR, CCPA/CPRA, PIPL).</value>
    public ISet<PrivacyRegime> GlobalPrivacyControlRegimes { get; } = new HashSet<PrivacyRegime> { PrivacyRegime.Gdpr, PrivacyRegime.Ccpa, PrivacyRegime.Pipl };

    /// <summary>Gets or sets the claim type listing how the user signed in (RFC 8176 authentication method references).</summary>
    /// <value>Default <c>amr</c>.</value>
    public string AuthenticationMethodClaimType { get; set; } = "amr";

    /// <summary>Gets the authentication method values any one of which counts as a multi-factor sign-in.</summary>
    /// <value>Default: <c>mfa</c>.</value>
    public ISet<string> MultiFactorMethods { get; } = new HashSet<string>(StringComparer.Ordinal) { "mfa" };

    /// <summary>Gets or sets how many data exports one actor may run per <see cref="ExportWindow"/>.</summary>
    /// <value>Default 5.</value>
    public int ExportPermitLimit { get; set; } = 5;

    /// <summary>Gets or sets the window of the export rate limit.</summary>
    /// <value>Default one hour.</value>
    public TimeSpan ExportWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Gets or sets a value indicating whether <c>UsePrivacyKit()</c> adds the framework's rate limiting middleware.
    /// Set it to <see langword="false"/> when the application calls <c>UseRateLimiter()</c> itself.
    /// </summary>
    /// <value>Default <see langword="true"/>.</value>
    public bool AddRateLimiterMiddleware { get; set; } = true;

    /// <summary>
    /// Gets or sets a value indicating whether the application refuses to start outside Development when the
    /// transport posture check finds a problem. Otherwise it only logs a warning.
    /// </summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool RefuseInsecureTransport { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether TLS is terminated in front of the application (a reverse proxy or
    /// load balancer), so that plain HTTP bindings of the application itself are not reachable from outside.
    /// </summary>
    /// <value>Default <see langword="false"/>.</value>
    public bool TlsTerminatedByProxy { get; set; }
}
