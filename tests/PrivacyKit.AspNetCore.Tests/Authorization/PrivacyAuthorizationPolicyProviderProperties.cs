using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PrivacyKit.Access;
using PrivacyKit.AspNetCore.Authorization;

namespace PrivacyKit.AspNetCore.Tests.Authorization;

public sealed class PrivacyAuthorizationPolicyProviderProperties
{
    private static readonly PrivacyAuthorizationPolicyProvider Provider = new(Options.Create(new AuthorizationOptions()));

    private static Gen<string> Name(string chars) =>
        Gen.Elements(chars.ToCharArray()).ArrayOf().Where(a => a.Length is > 0 and <= 20).Select(a => new string(a));

    private static Arbitrary<(string Resource, string Action)> Permissions() =>
        (from resource in Name("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
         from action in Name("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.").Or(Gen.Constant("*"))
         select (resource, action)).ToArbitrary();

    private static Arbitrary<(string Purpose, string? Route)> Consents() =>
        (from purpose in Name("abcdefghijklmnopqrstuvwxyz0123456789-_.:/ ").Where(p => !string.IsNullOrWhiteSpace(p))
         from route in Name("abcdefghijklmnopqrstuvwxyzA-Z_").Select(r => (string?)r).Or(Gen.Constant((string?)null))
         select (purpose, route)).ToArbitrary();

    [Property(MaxTest = 100)]
    public Property GetPolicyAsync_AnyPermissionAttribute_RoundTripsToAnAuthenticatedPermissionRequirement() =>
        Prop.ForAll(Permissions(), async p =>
        {
            var text = $"{p.Resource}:{p.Action}";
            var policy = await Provider.GetPolicyAsync(new RequirePermissionAttribute(text).Policy!);
            var requirement = policy!.Requirements.OfType<PermissionRequirement>().Single();
            return requirement.Permission == Permission.Parse(text)
                && policy.Requirements.Any(r => r is Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement);
        });

    [Property(MaxTest = 100)]
    public Property GetPolicyAsync_AnyConsentAttribute_RoundTripsPurposeAndRouteValue() =>
        Prop.ForAll(Consents(), async c =>
        {
            var policy = await Provider.GetPolicyAsync(new RequireConsentAttribute(c.Purpose, c.Route).Policy!);
            var requirement = policy!.Requirements.OfType<ConsentRequirement>().Single();
            return requirement.PurposeId == c.Purpose && requirement.SubjectRouteValue == c.Route;
        });
}
