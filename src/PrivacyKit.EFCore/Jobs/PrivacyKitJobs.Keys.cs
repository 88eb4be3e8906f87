using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Audit;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;

namespace PrivacyKit.EFCore.Jobs;

/// <summary>The key jobs: re-wrap every data key under the current KEK, and shred one subject's data key.</summary>
internal sealed partial class PrivacyKitJobs<TContext>
{
    public Task<PrivacyKitJobResult> RewrapKeysAsync(PrivacyKitJobOptions? options = null, IProgress<PrivacyKitJobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var checkedOptions = Check(options);
        return RunAsync(PrivacyKitJob.RewrapKeys, checkedOptions, async counter =>
        {
            var current = keyEncryptionKey.KeyId;
            var inBatch = 0;
            await foreach (var record in keyStore.ListAsync(cancellationToken).ConfigureAwait(false))
            {
                counter.Examined++;
                if (record.WrappedKey is not { } wrapped || string.Equals(wrapped.KeyEncryptionKeyId, current, StringComparison.Ordinal))
                {
                    counter.AlreadyDone++;
                }
                else if (checkedOptions.DryRun)
                {
                    counter.Changed++;
                }
                else if (await RewrapAsync(record, wrapped, cancellationToken).ConfigureAwait(false))
                {
                    counter.Changed++;
                }
                else
                {
                    // Re-wrapped or shredded by someone else meanwhile: nothing left to do for it.
                    counter.AlreadyDone++;
                }

                if (++inBatch == checkedOptions.BatchSize)
                {
                    inBatch = 0;
                    progress?.Report(counter.Progress(null));
                    JobsLog.BatchCommitted(logger, PrivacyKitJob.RewrapKeys, null, counter.Examined, counter.Changed, counter.AlreadyDone);
                }
            }

            progress?.Report(counter.Progress(null));
            if (!checkedOptions.DryRun)
            {
                await AuditAsync("kek.rewrap", null, new()
                {
                    ["keyEncryptionKeyId"] = current,
                    ["examined"] = counter.Examined.ToString(CultureInfo.InvariantCulture),
                    ["rewrapped"] = counter.Changed.ToString(CultureInfo.InvariantCulture),
                }, cancellationToken).ConfigureAwait(false);
            }
        });
    }

    public Task<PrivacyKitJobResult> ShredSubjectAsync(string subjectId, PrivacyKitJobOptions? options = null, IProgress<PrivacyKitJobProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        var checkedOptions = Check(options);
        var scope = EncryptionScope.ForSubject(subjectId);
        return RunAsync(PrivacyKitJob.ShredSubject, checkedOptions, async counter =>
        {
            var latest = await keyStore.FindLatestAsync(scope, cancellationToken).ConfigureAwait(false);
            var live = 0;
            for (var version = 1; latest is not null && version <= latest.Version; version++)
            {
                counter.Examined++;
                if (await keyStore.FindAsync(latest.KeyId, version, cancellationToken).ConfigureAwait(false) is { IsShredded: false })
                {
                    live++;
                }
                else
                {
                    counter.AlreadyDone++;
                }
            }

            // The manager also tombstones a subject without a key, drops its own cache entry at once and audits the shred.
            counter.Changed = checkedOptions.DryRun ? live : await keyManager.ShredAsync(scope, cancellationToken).ConfigureAwait(false);
            progress?.Report(counter.Progress(null));
        });
    }

    private async Task<bool> RewrapAsync(DataKeyRecord record, WrappedKey wrapped, CancellationToken cancellationToken)
    {
        var material = await keyEncryptionKey.UnwrapKeyAsync(wrapped, cancellationToken).ConfigureAwait(false);
        WrappedKey rewrapped;
        try
        {
            rewrapped = await keyEncryptionKey.WrapKeyAsync(material, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }

        return await keyStore.TryReplaceWrappedKeyAsync(record.KeyId, record.Version, wrapped.KeyEncryptionKeyId, rewrapped, cancellationToken).ConfigureAwait(false);
    }

    private async Task AuditAsync(string action, string? subjectId, Dictionary<string, string> properties, CancellationToken cancellationToken)
    {
        var auditEvent = new AuditEvent
        {
            Kind = AuditEventKind.KeyOperation,
            Action = action,
            SubjectId = subjectId,
            ResourceType = "DataKey",
            Properties = properties,
        };
        foreach (var trail in services.GetServices<IAuditTrail>())
        {
            await trail.RecordAsync(auditEvent, cancellationToken).ConfigureAwait(false);
        }
    }
}
