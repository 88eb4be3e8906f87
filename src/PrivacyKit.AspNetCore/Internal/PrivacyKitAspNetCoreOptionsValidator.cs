using Microsoft.Extensions.Options;

namespace PrivacyKit.AspNetCore.Internal;

internal sealed class PrivacyKitAspNetCoreOptionsValidator : IValidateOptions<PrivacyKitAspNetCoreOptions>
{
    private const string Section = "PrivacyKit:AspNetCore";

    public ValidateOptionsResult Validate(string? name, PrivacyKitAspNetCoreOptions options)
    {
        var errors = new List<string>();
        Require(errors, options.ActorIdClaimType, nameof(options.ActorIdClaimType));
        Require(errors, options.RoleClaimType, nameof(options.RoleClaimType));
        Require(errors, options.TenantIdClaimType, nameof(options.TenantIdClaimType));
        Require(errors, options.SubjectIdClaimType, nameof(options.SubjectIdClaimType));
        Require(errors, options.OnBehalfOfClaimType, nameof(options.OnBehalfOfClaimType));
        Require(errors, options.RegimeClaimType, nameof(options.RegimeClaimType));
        Require(errors, options.PurposeClaimType, nameof(options.PurposeClaimType));
        Require(errors, options.PurposeHeaderName, nameof(options.PurposeHeaderName));
        Require(errors, options.AuthenticationMethodClaimType, nameof(options.AuthenticationMethodClaimType));
        if (!Enum.IsDefined(options.DefaultRegime))
        {
            errors.Add($"{Section}:{nameof(options.DefaultRegime)} must be Gdpr, Ccpa or Pipl.");
        }

        if (options.MultiFactorMethods.Count == 0 || options.MultiFactorMethods.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{Section}:{nameof(options.MultiFactorMethods)} must name at least one authentication method (e.g. 'mfa') and no empty one.");
        }

        if (options.ExportPermitLimit < 1)
        {
            errors.Add($"{Section}:{nameof(options.ExportPermitLimit)} must be at least 1 (was {options.ExportPermitLimit}).");
        }

        if (options.ExportWindow <= TimeSpan.Zero)
        {
            errors.Add($"{Section}:{nameof(options.ExportWindow)} must be positive (was {options.ExportWindow}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Require(List<string> errors, string? value, string property)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{Section}:{property} must name a claim type or header; it is empty.");
        }
    }
}
