using Microsoft.Extensions.Options;

namespace PrivacyKit.Retention;

internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var failures = new List<string>();
        var seen = new HashSet<(string, string?)>();
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            if (rule is null)
            {
                failures.Add($"RetentionOptions.Rules[{i}] is null.");
                continue;
            }

            var where = rule.Property is null ? rule.EntityType : $"{rule.EntityType}.{rule.Property}";
            if (string.IsNullOrWhiteSpace(rule.EntityType))
            {
                failures.Add($"RetentionOptions.Rules[{i}].EntityType is empty; name the entity the rule applies to.");
            }

            if (!IsoDuration.TryParse(rule.Period, out var period, out var error))
            {
                failures.Add($"RetentionOptions rule for {where}: Period is malformed: {error}");
            }
            else if (period.IsZero)
            {
                failures.Add($"RetentionOptions rule for {where}: Period is zero; give a positive ISO 8601 duration such as 'P30D'.");
            }

            if (string.IsNullOrWhiteSpace(rule.From))
            {
                failures.Add($"RetentionOptions rule for {where}: From is empty; name the timestamp property the period counts from.");
            }

            if (!Enum.IsDefined(rule.Action))
            {
                failures.Add($"RetentionOptions rule for {where}: Action {(int)rule.Action} is not a RetentionAction.");
            }
            else if (rule.Property is not null && rule.Action != RetentionAction.Anonymise)
            {
                failures.Add($"RetentionOptions rule for {where}: a field can only be anonymised; put {rule.Action} on the entity (Property = null).");
            }

            if (!seen.Add((rule.EntityType, rule.Property)))
            {
                failures.Add($"RetentionOptions has more than one rule for {where}; keep one.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
