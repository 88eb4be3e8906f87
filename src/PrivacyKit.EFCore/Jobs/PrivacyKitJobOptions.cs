namespace PrivacyKit.EFCore.Jobs;

/// <summary>How one run of a job works: batch size, dry run and which entities it covers.</summary>
public sealed class PrivacyKitJobOptions
{
    /// <summary>The largest <see cref="BatchSize"/>.</summary>
    public const int MaxBatchSize = 100_000;

    /// <summary>Gets or sets how many rows (or keys) one batch reads and commits in one transaction.</summary>
    /// <value>Defaults to 500. 1 to <see cref="MaxBatchSize"/>.</value>
    public int BatchSize { get; set; } = 500;

    /// <summary>Gets or sets a value indicating whether the run only counts what it would change, and changes nothing.</summary>
    /// <value>Defaults to <see langword="false"/>.</value>
    public bool DryRun { get; set; }

    /// <summary>
    /// Gets the entity names (PrivacyKit's stable entity names, by default the CLR type names) the column jobs cover;
    /// empty covers every entity with encrypted properties. Ignored by the key jobs.
    /// </summary>
    public IList<string> EntityTypes { get; } = [];
}
