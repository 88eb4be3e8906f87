using Microsoft.Extensions.Options;
using PrivacyKit.Classification;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>Checks <see cref="EntityFrameworkAuditOptions"/> at start-up, with messages that say what to fix.</summary>
internal sealed class EntityFrameworkAuditOptionsValidator : IValidateOptions<EntityFrameworkAuditOptions>
{
    private const int MaxChainIdLength = 200;

    public ValidateOptionsResult Validate(string? name, EntityFrameworkAuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.TransactionChainId is { } chain && (string.IsNullOrWhiteSpace(chain) || chain.Length > MaxChainIdLength))
        {
            errors.Add($"EntityFrameworkAuditOptions.TransactionChainId must be null (the default '{{InstanceId}}:ef') or 1 to {MaxChainIdLength} characters.");
        }

        var known = PrivacyClassifications.All.Select(c => c.Value).ToArray();
        foreach (var classification in options.AuditReadsOf)
        {
            if (!known.Contains(classification, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"EntityFrameworkAuditOptions.AuditReadsOf names '{classification}', which is not a PrivacyKit classification; use one of {string.Join(", ", known)}.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
