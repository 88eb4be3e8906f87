using System.Buffers;
using Microsoft.Extensions.Options;

namespace PrivacyKit.Internal;

internal sealed class PrivacyKitOptionsValidator : IValidateOptions<PrivacyKitOptions>
{
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");

    public ValidateOptionsResult Validate(string? name, PrivacyKitOptions options)
    {
        List<string>? failures = null;
        CheckName(options.ApplicationName, nameof(PrivacyKitOptions.ApplicationName), ref failures);
        CheckName(options.InstanceId, nameof(PrivacyKitOptions.InstanceId), ref failures);
        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckName(string? value, string property, ref List<string>? failures)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64 || value.AsSpan().ContainsAnyExcept(NameChars))
        {
            (failures ??= []).Add(
                $"PrivacyKitOptions.{property} must be 1 to 64 characters of letters, digits, '.', '-' or '_'.");
        }
    }
}
