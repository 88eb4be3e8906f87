using Microsoft.Extensions.Options;
using PrivacyKit.Consent;

namespace PrivacyKit.Classification;

/// <summary>
/// An options type with nothing in it, validated at start-up, so that inconsistent annotations stop
/// the application when the host starts rather than on first use of the data map.
/// </summary>
internal sealed class DataMapStartupCheck
{
}

/// <summary>Builds the data map once at start-up and reports a <see cref="DataMapException"/> as a validation failure.</summary>
internal sealed class DataMapStartupCheckValidator(
    IOptions<DataMapOptions> options,
    IEnumerable<IDataMapContributor> contributors,
    IOptions<ConsentOptions> consent) : IValidateOptions<DataMapStartupCheck>
{
    public ValidateOptionsResult Validate(string? name, DataMapStartupCheck check)
    {
        try
        {
            DataMapProvider.Build(options.Value, contributors, consent.Value);
            return ValidateOptionsResult.Success;
        }
        catch (DataMapException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
