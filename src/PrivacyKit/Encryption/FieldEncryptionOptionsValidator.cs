using Microsoft.Extensions.Options;

namespace PrivacyKit.Encryption;

internal sealed class FieldEncryptionOptionsValidator : IValidateOptions<FieldEncryptionOptions>
{
    public ValidateOptionsResult Validate(string? name, FieldEncryptionOptions options)
    {
        List<string>? failures = null;
        if (options.KeyCacheSize is < 1 or > 1_000_000)
        {
            (failures ??= []).Add($"FieldEncryptionOptions.KeyCacheSize is {options.KeyCacheSize}; set it to 1 to 1,000,000 unwrapped keys.");
        }

        if (options.KeyCacheLifetime < TimeSpan.FromSeconds(1) || options.KeyCacheLifetime > TimeSpan.FromDays(1))
        {
            (failures ??= []).Add($"FieldEncryptionOptions.KeyCacheLifetime is {options.KeyCacheLifetime}; set it to 1 second to 1 day (shorter makes shredding take effect sooner on other instances, longer saves KMS calls).");
        }

        if (options.BlindIndexBits is < 16 or > 256 || options.BlindIndexBits % 8 != 0)
        {
            (failures ??= []).Add($"FieldEncryptionOptions.BlindIndexBits is {options.BlindIndexBits}; set it to a multiple of 8 from 16 to 256.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
