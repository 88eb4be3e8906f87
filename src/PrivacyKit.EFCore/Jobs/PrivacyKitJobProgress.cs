namespace PrivacyKit.EFCore.Jobs;

/// <summary>Progress of a job run, reported after every committed batch (and once at the end). Holds counts and names only.</summary>
/// <param name="Job">The job.</param>
/// <param name="EntityType">The entity being processed (column jobs), or <see langword="null"/> for key jobs.</param>
/// <param name="Examined">How many rows (column jobs) or key versions (key jobs) the run has looked at so far.</param>
/// <param name="Changed">How many it has changed so far (in a dry run: would change).</param>
/// <param name="AlreadyDone">How many needed nothing (already encrypted, already current, or shredded).</param>
public readonly record struct PrivacyKitJobProgress(PrivacyKitJob Job, string? EntityType, long Examined, long Changed, long AlreadyDone);
