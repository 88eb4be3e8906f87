namespace PrivacyKit.EFCore.Jobs;

/// <summary>The counts of one finished job run.</summary>
/// <param name="Job">The job.</param>
/// <param name="DryRun">Whether the run was a dry run (nothing was changed).</param>
/// <param name="Examined">How many rows (column jobs) or key versions (key jobs) were looked at.</param>
/// <param name="Changed">How many were changed (in a dry run: would be changed).</param>
/// <param name="AlreadyDone">How many needed nothing: already encrypted, already under the newest key or KEK, or shredded.</param>
/// <param name="Skipped">
/// How many had a value that could not be processed and was left as it was (a row whose other values changed counts
/// as changed too): values of erased subjects (whose key was shredded), plaintext that cannot be read as its property type,
/// values changed by the application during the run (picked up by the next run), or values not yet under the newest
/// key on this instance (its key cache still holds the older version; run again after the cache lifetime).
/// </param>
public sealed record PrivacyKitJobResult(PrivacyKitJob Job, bool DryRun, long Examined, long Changed, long AlreadyDone, long Skipped);
