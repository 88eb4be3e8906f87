using Microsoft.EntityFrameworkCore;
using PrivacyKit.EFCore.Jobs;
using PrivacyKit.EFCore.Tests.TestSupport;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Tests.Jobs;

/// <summary>
/// "None loses a row if killed at any point": the column jobs are stopped at seeded random points (a crash before a
/// row's UPDATE or before the COMMIT, or cancellation after some batches or in the middle of one), every value is
/// checked after every stop (original plaintext or a ciphertext that decrypts to it), and the job is run again until
/// it finishes; at the end every value is encrypted (under the newest key) and decrypts to its original.
/// </summary>
public sealed class PrivacyKitJobsCrashTests
{
    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task ColumnJobs_KilledAtRandomPointsAndRunAgain_LoseNoRow(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        await using var host = await JobTestHost.CreateAsync(db, customers: 30, notes: 9);
        var jobs = Assert.IsType<PrivacyKitJobs<CrmJobContext>>(host.Jobs);
        var random = new Random(20261129);
        var options = new PrivacyKitJobOptions { BatchSize = 4 };

        var encryptKills = await RunUntilDoneAsync(host, jobs, random, (progress, token) => jobs.EncryptExistingAsync(options, progress, token));
        var values = await host.AssertEveryValueIntactAsync(requireEncrypted: true);

        var rotated = host.Customers.Where(c => c.Key % 3 == 0).Select(c => c.Value.Subject.ToString("D")).ToList();
        foreach (var subject in rotated)
        {
            await host.KeyManager.RotateDataKeyAsync(EncryptionScope.ForSubject(subject));
        }

        var reencryptKills = await RunUntilDoneAsync(host, jobs, random, (progress, token) => jobs.ReencryptAsync(options, progress, token));

        Assert.True(encryptKills >= 3, $"only {encryptKills} kills during encryption");
        Assert.True(reencryptKills >= 3, $"only {reencryptKills} kills during re-encryption");
        Assert.Equal(values, await host.AssertEveryValueIntactAsync(requireEncrypted: true));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 7205);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Text.Contains("canary", StringComparison.OrdinalIgnoreCase) || e.Text.Contains("@example.com", StringComparison.Ordinal));
        await using var context = host.CreateContext();
        var emails = await context.Customers.AsNoTracking()
            .Select(c => new { c.CustomerId, Email = EF.Property<string?>(c, CrmJobContext.EmailColumn) })
            .ToListAsync();
        foreach (var row in emails.Where(r => r.Email is not null))
        {
            Assert.True(FieldCiphertext.TryGetKeyReference(row.Email, out var reference));
            Assert.Equal(rotated.Contains(row.CustomerId.ToString("D")) ? 2 : 1, reference.Version);
        }
    }

    [Theory, MemberData(nameof(ProviderData.All), MemberType = typeof(ProviderData))]
    public async Task EncryptExistingAsync_KmsUnreachable_ThrowsKeyManagementAndLosesNothing(string provider)
    {
        await using var db = await ProviderData.CreateAsync(provider);
        using var kek = new SwitchableKeyEncryptionKey();
        await using var host = await JobTestHost.CreateAsync(db, kek, customers: 8, notes: 2);
        var options = new PrivacyKitJobOptions { BatchSize = 3 };

        // The KMS goes away after the first batch: the second batch needs a new subject's key.
        await Assert.ThrowsAsync<PrivacyKit.Keys.KeyManagementException>(() => host.Jobs.EncryptExistingAsync(options, new PrivacyKitJobsTests.SyncProgress(_ => kek.Failing = true)));
        var encryptedBeforeFailure = await host.AssertEveryValueIntactAsync(requireEncrypted: false);
        kek.Failing = false;
        var resumed = await host.Jobs.EncryptExistingAsync(options);

        Assert.Equal(6, encryptedBeforeFailure);
        Assert.Equal(new PrivacyKitJobResult(PrivacyKitJob.EncryptExisting, false, 10, 7, 3, 0), resumed);
        Assert.Equal(15, await host.AssertEveryValueIntactAsync(requireEncrypted: true));
        Assert.Contains(host.Logs.Entries, e => e.EventId.Id == 7205);
    }

    private static async Task<int> RunUntilDoneAsync(JobTestHost host, PrivacyKitJobs<CrmJobContext> jobs, Random random, Func<IProgress<PrivacyKitJobProgress>, CancellationToken, Task<PrivacyKitJobResult>> run)
    {
        var kills = 0;
        for (var attempt = 0; ; attempt++)
        {
            using var cts = new CancellationTokenSource();
            var mode = attempt >= 100 ? -1 : random.Next(3);
            var stopAt = random.Next(1, 12);
            var steps = 0;
            var batches = 0;
            jobs.BeforeStep = step =>
            {
                steps++;
                if (mode == 0 && steps == stopAt)
                {
                    throw new SimulatedCrash(step);
                }

                if (mode == 1 && steps == stopAt)
                {
                    cts.Cancel();
                }

                return ValueTask.CompletedTask;
            };
            var progress = new PrivacyKitJobsTests.SyncProgress(_ =>
            {
                if (mode == 2 && ++batches == stopAt % 4 + 1)
                {
                    cts.Cancel();
                }
            });

            try
            {
                await run(progress, cts.Token);
                jobs.BeforeStep = null;
                return kills;
            }
            catch (Exception e) when (e is SimulatedCrash or OperationCanceledException)
            {
                kills++;
            }

            // After every kill: no row lost, none corrupted, each value plaintext or a ciphertext of its original.
            await host.AssertEveryValueIntactAsync(requireEncrypted: false);
        }
    }

    private sealed class SimulatedCrash(string step) : Exception($"Simulated crash before {step}.");
}
