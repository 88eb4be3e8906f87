using Microsoft.Extensions.Options;

namespace PrivacyKit.EFCore.Requests;

/// <summary>Validates <see cref="EntityFrameworkPersonalDataOptions"/> at start-up; each message names the property to fix.</summary>
internal sealed class EntityFrameworkPersonalDataOptionsValidator : IValidateOptions<EntityFrameworkPersonalDataOptions>
{
    public const int MaxBatchSize = 10_000;

    public ValidateOptionsResult Validate(string? name, EntityFrameworkPersonalDataOptions options)
    {
        var failures = new List<string>();
        var where = string.IsNullOrEmpty(name) ? "EntityFrameworkPersonalDataOptions" : $"EntityFrameworkPersonalDataOptions for {name}";
        if (options.SourceName is not null && string.IsNullOrWhiteSpace(options.SourceName))
        {
            failures.Add($"{where}: SourceName is blank; leave it null for 'efcore:{{context}}' or give a stable name such as 'crm.database'.");
        }

        if (options.BatchSize is < 1 or > MaxBatchSize)
        {
            failures.Add($"{where}: BatchSize is {options.BatchSize}; set it between 1 and {MaxBatchSize}.");
        }

        if (!Enum.IsDefined(options.DefaultErasure))
        {
            failures.Add($"{where}: DefaultErasure {(int)options.DefaultErasure} is not an ErasureStrategy.");
        }

        if (options.Recipients.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{where}: Recipients holds a blank entry; remove it.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
