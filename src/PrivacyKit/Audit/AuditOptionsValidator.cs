using System.Buffers;
using Microsoft.Extensions.Options;

namespace PrivacyKit.Audit;

/// <summary>Checks <see cref="AuditOptions"/> at start-up; messages name the property and what to fix, never a key.</summary>
internal sealed class AuditOptionsValidator : IValidateOptions<AuditOptions>
{
    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");

    public ValidateOptionsResult Validate(string? name, AuditOptions options)
    {
        var failures = new List<string>();
        Range(failures, nameof(AuditOptions.QueueCapacity), options.QueueCapacity, 1, 10_000_000);
        Range(failures, nameof(AuditOptions.MaxBatchSize), options.MaxBatchSize, 1, 100_000);
        Range(failures, nameof(AuditOptions.SinkRetryCount), options.SinkRetryCount, 0, 20);
        Range(failures, nameof(AuditOptions.CheckpointInterval), options.CheckpointInterval, 1, int.MaxValue);
        if (options.SinkRetryDelay < TimeSpan.Zero || options.SinkRetryDelay > TimeSpan.FromMinutes(1))
        {
            failures.Add("AuditOptions.SinkRetryDelay must be between 0 and 1 minute.");
        }

        if (!Enum.IsDefined(options.DefaultDelivery))
        {
            failures.Add("AuditOptions.DefaultDelivery must be Buffered or Guaranteed.");
        }

        if (!Enum.IsDefined(options.FullQueuePolicy))
        {
            failures.Add("AuditOptions.FullQueuePolicy must be Wait or Fail.");
        }

        var chain = Key(failures, nameof(AuditOptions.ChainKey), options.ChainKey);
        var values = Key(failures, nameof(AuditOptions.ValueHashKey), options.ValueHashKey);
        Id(failures, nameof(AuditOptions.ChainKeyId), options.ChainKeyId);
        Id(failures, nameof(AuditOptions.ValueHashKeyId), options.ValueHashKeyId);
        if (chain is not null && values is not null && chain.AsSpan().SequenceEqual(values))
        {
            failures.Add("AuditOptions.ValueHashKey must differ from AuditOptions.ChainKey: value hashes and the chain use separate keys.");
        }

        foreach (var (id, key) in options.PreviousChainKeys)
        {
            Id(failures, $"{nameof(AuditOptions.PreviousChainKeys)}['{Safe(id)}'] key id", id);
            if (string.Equals(id, options.ChainKeyId, StringComparison.Ordinal) || id == OptionsAuditKeyProvider.DevelopmentKeyId)
            {
                failures.Add($"AuditOptions.PreviousChainKeys must not reuse the id '{Safe(id)}' of the current or development key.");
            }

            Key(failures, $"{nameof(AuditOptions.PreviousChainKeys)}['{Safe(id)}']", key ?? string.Empty);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Safe(string id) => id.Length <= 64 && !id.AsSpan().ContainsAnyExcept(IdChars) ? id : "(invalid id)";

    private static void Range(List<string> failures, string property, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"AuditOptions.{property} must be between {min} and {max}; it is {value}.");
        }
    }

    private static void Id(List<string> failures, string property, string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64 || value.AsSpan().ContainsAnyExcept(IdChars))
        {
            failures.Add($"AuditOptions.{property} must be 1 to 64 characters of letters, digits, '.', '-' or '_'.");
        }
    }

    private static byte[]? Key(List<string> failures, string property, string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var written) || written < 32)
        {
            failures.Add($"AuditOptions.{property} must be a base64-encoded key of at least 32 bytes (e.g. from RandomNumberGenerator.GetBytes(32)).");
            return null;
        }

        return buffer[..written];
    }
}
