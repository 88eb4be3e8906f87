using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PrivacyKit.Samples.Crm.Data;

namespace PrivacyKit.Samples.Crm.Api;

/// <summary>
/// DEVELOPMENT ONLY: signs a request in from plain headers, with no password and no token, so that the sample can
/// be tried with curl. <c>X-Crm-User: u-alice</c> signs in an employee, <c>X-Crm-Customer: {customer id}</c> a
/// customer (a data subject), and <c>X-Crm-Mfa: 1</c> marks the sign-in as multi-factor (for step-up endpoints).
/// Outside the Development environment every request that uses these headers is refused (401): a real CRM signs
/// users in with its identity provider (JWT bearer, OpenID Connect, cookies) and keeps the PrivacyKit lines as they are.
/// </summary>
public sealed class DevelopmentSignIn(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IHostEnvironment environment)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DevelopmentHeaders";
    public const string UserHeader = "X-Crm-User";
    public const string CustomerHeader = "X-Crm-Customer";
    public const string MfaHeader = "X-Crm-Mfa";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var user = Request.Headers[UserHeader].ToString();
        var customer = Request.Headers[CustomerHeader].ToString();
        if (user.Length == 0 && customer.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!environment.IsDevelopment())
        {
            return Task.FromResult(AuthenticateResult.Fail(
                $"The development sign-in ({UserHeader}/{CustomerHeader} headers) is refused in the {environment.EnvironmentName} environment."));
        }

        var claims = new List<Claim>();
        if (user.Length > 0)
        {
            var employee = SeedData.Users.FirstOrDefault(u => u.Id == user);
            if (employee is null)
            {
                return Task.FromResult(AuthenticateResult.Fail($"No employee '{user}'."));
            }

            claims.Add(new Claim(ClaimTypes.NameIdentifier, employee.Id));
            claims.Add(new Claim(ClaimTypes.Role, employee.Role));
        }
        else
        {
            if (!Guid.TryParse(customer, out var id))
            {
                return Task.FromResult(AuthenticateResult.Fail($"{CustomerHeader} must be a customer id."));
            }

            claims.Add(new Claim(ClaimTypes.NameIdentifier, $"customer:{id}"));
            claims.Add(new Claim("subject_id", id.ToString()));
        }

        if (Request.Headers[MfaHeader] == "1")
        {
            claims.Add(new Claim("amr", "mfa"));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
