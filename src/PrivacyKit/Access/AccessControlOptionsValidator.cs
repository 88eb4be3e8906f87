using Microsoft.Extensions.Options;

namespace PrivacyKit.Access;

/// <summary>Validates <see cref="AccessControlOptions"/> at start-up and on reload, naming each bad key.</summary>
internal sealed class AccessControlOptionsValidator : IValidateOptions<AccessControlOptions>
{
    public ValidateOptionsResult Validate(string? name, AccessControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = AccessPolicyCompiler.Validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
