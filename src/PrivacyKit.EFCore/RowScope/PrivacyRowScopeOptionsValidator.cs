using Microsoft.Extensions.Options;
using PrivacyKit.Access;

namespace PrivacyKit.EFCore.RowScope;

/// <summary>Checks <see cref="PrivacyRowScopeOptions"/> at start-up: the read action and every resource must form permissions.</summary>
internal sealed class PrivacyRowScopeOptionsValidator : IValidateOptions<PrivacyRowScopeOptions>
{
    public ValidateOptionsResult Validate(string? name, PrivacyRowScopeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.ReadAction is null || options.ReadAction == Permission.AnyAction || !Permission.TryParse("resource:" + options.ReadAction, out _))
        {
            errors.Add("PrivacyRowScopeOptions.ReadAction must be a permission action such as 'read': letters, digits, '-', '_' or '.'.");
        }

        foreach (var (type, resource) in options.Resources)
        {
            if (!Permission.TryParse(resource + ":read", out _))
            {
                errors.Add($"PrivacyRowScopeOptions.Resources[{type.Name}] is '{resource}', which is not a permission resource: use letters, digits, '-', '_' or '.'.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
