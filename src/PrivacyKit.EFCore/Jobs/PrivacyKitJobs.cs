using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyKit.EFCore.Internal;
using PrivacyKit.EFCore.Stores;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Jobs;

/// <summary>The maintenance jobs over <typeparamref name="TContext"/> (column jobs) and the data-key store (key jobs).</summary>
internal sealed partial class PrivacyKitJobs<TContext>(
    StoreContextFactory<TContext> contexts,
    IFieldEncryptor encryptor,
    IDataKeyStore keyStore,
    IDataKeyManager keyManager,
    IKeyEncryptionKey keyEncryptionKey,
    IServiceProvider services,
    ILogger<PrivacyKitJobs<TContext>> logger) : IPrivacyKitJobs
    where TContext : DbContext
{
    /// <summary>Test hook: called before every database write and commit of a column job ("write", "commit"); throwing from it simulates a crash there.</summary>
    internal Func<string, ValueTask>? BeforeStep { get; set; }

    public Task<PrivacyKitJobResult> EncryptExistingAsync(PrivacyKitJobOptions? options = null, IProgress<PrivacyKitJobProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunColumnsAsync(PrivacyKitJob.EncryptExisting, Check(options), progress, cancellationToken);

    public Task<PrivacyKitJobResult> ReencryptAsync(PrivacyKitJobOptions? options = null, IProgress<PrivacyKitJobProgress>? progress = null, CancellationToken cancellationToken = default) =>
        RunColumnsAsync(PrivacyKitJob.Reencrypt, Check(options), progress, cancellationToken);

    private static PrivacyKitJobOptions Check(PrivacyKitJobOptions? options)
    {
        options ??= new PrivacyKitJobOptions();
        if (options.BatchSize is < 1 or > PrivacyKitJobOptions.MaxBatchSize)
        {
            throw Error.JobBatchSize(nameof(options), options.BatchSize);
        }

        return options;
    }

    private async Task<PrivacyKitJobResult> RunAsync(PrivacyKitJob job, PrivacyKitJobOptions options, Func<JobCounter, Task> run)
    {
        var counter = new JobCounter(job, options.DryRun);
        JobsLog.Started(logger, job, options.DryRun, options.BatchSize);
        try
        {
            await run(counter).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            JobsLog.Stopped(logger, e, job, counter.Examined, counter.Changed);
            throw;
        }

        JobsLog.Finished(logger, job, options.DryRun, counter.Examined, counter.Changed, counter.AlreadyDone, counter.Skipped);
        return counter.Result();
    }

    private ValueTask StepAsync(string step) => BeforeStep?.Invoke(step) ?? ValueTask.CompletedTask;
}
