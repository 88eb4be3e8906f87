namespace PrivacyKit.EFCore.Jobs;

/// <summary>The running counts of one job run; a batch's counts are added only once the batch is committed.</summary>
internal sealed class JobCounter(PrivacyKitJob job, bool dryRun)
{
    public PrivacyKitJob Job { get; } = job;

    public bool DryRun { get; } = dryRun;

    public long Examined { get; set; }

    public long Changed { get; set; }

    public long AlreadyDone { get; set; }

    public long Skipped { get; set; }

    public void Add(JobCounter batch)
    {
        Examined += batch.Examined;
        Changed += batch.Changed;
        AlreadyDone += batch.AlreadyDone;
        Skipped += batch.Skipped;
    }

    public PrivacyKitJobProgress Progress(string? entityType) => new(Job, entityType, Examined, Changed, AlreadyDone);

    public PrivacyKitJobResult Result() => new(Job, DryRun, Examined, Changed, AlreadyDone, Skipped);
}
