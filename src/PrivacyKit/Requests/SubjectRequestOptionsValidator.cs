using Microsoft.Extensions.Options;

namespace PrivacyKit.Requests;

/// <summary>Checks <see cref="SubjectRequestOptions"/> at start-up, with messages that say what to fix.</summary>
internal sealed class SubjectRequestOptionsValidator : IValidateOptions<SubjectRequestOptions>
{
    public ValidateOptionsResult Validate(string? name, SubjectRequestOptions options)
    {
        List<string> failures = [];
        if (string.IsNullOrWhiteSpace(options.TimeZoneId) || !TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZoneId, out _))
        {
            failures.Add($"SubjectRequestOptions.TimeZoneId '{options.TimeZoneId}' is not a time zone this machine knows; use an IANA id such as 'Europe/Berlin' or 'UTC'.");
        }

        if (options.PiplResponseDays is < 1 or > 90)
        {
            failures.Add($"SubjectRequestOptions.PiplResponseDays must be from 1 to 90 days; it is {options.PiplResponseDays}.");
        }

        if (options.PiplExtensionDays is < 0 or > 90)
        {
            failures.Add($"SubjectRequestOptions.PiplExtensionDays must be from 0 (no extension) to 90 days; it is {options.PiplExtensionDays}.");
        }

        if (options.DueSoonWindow < TimeSpan.FromHours(1) || options.DueSoonWindow > TimeSpan.FromDays(90))
        {
            failures.Add($"SubjectRequestOptions.DueSoonWindow must be from 1 hour to 90 days; it is {options.DueSoonWindow}.");
        }

        if (string.IsNullOrWhiteSpace(options.OperatorRole))
        {
            failures.Add("SubjectRequestOptions.OperatorRole must name the role that lets an operator verify requesters; it is empty.");
        }

        if (options.ExecutionLeaseDuration < TimeSpan.FromSeconds(10) || options.ExecutionLeaseDuration > TimeSpan.FromDays(1))
        {
            failures.Add($"SubjectRequestOptions.ExecutionLeaseDuration must be from 10 seconds to 1 day; it is {options.ExecutionLeaseDuration}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
