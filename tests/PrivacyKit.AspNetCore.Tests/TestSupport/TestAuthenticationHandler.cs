using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrivacyKit.AspNetCore.Tests.TestSupport;

/// <summary>
/// A TEST-ONLY authentication scheme: it trusts request headers to say who the user is. Never use it outside tests.
/// X-Test-User (actor id; absent = anonymous), X-Test-Subject, X-Test-Roles (comma separated), X-Test-Amr, X-Test-Regime, X-Test-Tenant, X-Test-Purpose.
/// </summary>
internal sealed class TestAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers["X-Test-User"].ToString();
        if (user.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user) };
        Add(claims, "X-Test-Subject", "subject_id");
        Add(claims, "X-Test-Amr", "amr");
        Add(claims, "X-Test-Regime", "privacy_regime");
        Add(claims, "X-Test-Tenant", "tenant_id");
        Add(claims, "X-Test-Purpose", "privacy_purpose");
        foreach (var role in Request.Headers["X-Test-Roles"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private void Add(List<Claim> claims, string header, string type)
    {
        var value = Request.Headers[header].ToString();
        if (value.Length > 0)
        {
            claims.Add(new Claim(type, value));
        }
    }
}
