using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PrivacyKit.AzureKeyVault.Tests.TestSupport;
using PrivacyKit.Encryption;
using PrivacyKit.Keys;
using Xunit.Abstractions;

namespace PrivacyKit.AzureKeyVault.Tests.Internal;

/// <summary>
/// How many vault calls the core's data-key cache lets through for a realistic read load on one instance:
/// 100,000 field decryptions over 5,000 data subjects in 10 minutes (simulated time), against the local
/// vault, which counts requests. Key Vault allows about 4,000 RSA-2048 operations per 10 seconds per vault.
/// The load is deterministic (fixed seed, fake clock), so the bounds below are exact enough that a cache
/// regression (no caching, a key per field, an eager expiry, a leaky eviction) breaks them. The printed
/// figures are recorded in src/PrivacyKit.AzureKeyVault/README.md.
/// </summary>
public sealed class AzureKeyVaultKeyEncryptionKeyLoadTests(SeededKeyVault vault, ITestOutputHelper output) : IClassFixture<SeededKeyVault>
{
    private const int Subjects = SeededKeyVault.Subjects;
    private const int Reads = 100_000;
    private const int Seed = 20_261_129;
    private const int VaultOperationsPerWindow = 4_000;

    private static readonly TimeSpan LoadDuration = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan ReadInterval = LoadDuration / Reads;
    private static readonly TimeSpan VaultWindow = TimeSpan.FromSeconds(10);

    public enum Distribution
    {
        /// <summary>Every customer equally likely: the worst case for a cache.</summary>
        Uniform,

        /// <summary>Zipf (s = 1): a few customers are read far more often than the rest, as in a real CRM.</summary>
        Zipf,
    }

    [Theory]
    [InlineData(Distribution.Zipf)]
    [InlineData(Distribution.Uniform)]
    public async Task DecryptAsync_DefaultCacheOptions_EachKeyUnwrappedAtMostOncePerLifetimeAndFarBelowVaultLimit(Distribution distribution)
    {
        var defaults = new FieldEncryptionOptions();

        LoadResult result = await RunAsync(distribution, configureCache: null);

        // The default cache (4,096 keys, 2 minutes) is smaller than the subject count: keys are evicted and
        // expire, but no key is unwrapped more than once per lifetime on average.
        int lifetimes = (int)Math.Ceiling(LoadDuration / defaults.KeyCacheLifetime);
        Assert.InRange(result.Unwraps, result.DistinctSubjects, result.DistinctSubjects * lifetimes);
        Assert.InRange(result.BusiestWindow, 1, VaultOperationsPerWindow / 2);
    }

    [Fact]
    public async Task DecryptAsync_CacheHoldsEverySubjectForTheWholeLoad_EachKeyUnwrappedExactlyOnce()
    {
        LoadResult result = await RunAsync(Distribution.Zipf, o =>
        {
            o.KeyCacheSize = 8192;
            o.KeyCacheLifetime = TimeSpan.FromMinutes(15);
        });

        Assert.Equal(result.DistinctSubjects, result.Unwraps);
        Assert.Equal(0, result.Evictions);
    }

    private async Task<LoadResult> RunAsync(Distribution distribution, Action<FieldEncryptionOptions>? configureCache)
    {
        int[] subjects = Draw(distribution);
        var time = new FakeTimeProvider(vault.Context.Time.GetUtcNow());
        await using ServiceProvider provider = vault.BuildProvider(time, configureCache);
        IFieldEncryptor encryptor = provider.GetRequiredService<IFieldEncryptor>();
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<FieldEncryptionOptions>>().Value;
        LocalKeyVaultServer server = vault.Context.Server;
        int first = server.Requests.Count, windowStart = first, busiestWindow = 0;
        TimeSpan inWindow = TimeSpan.Zero;

        for (int i = 0; i < Reads; i++)
        {
            int subject = subjects[i];
            Assert.Equal(SeededKeyVault.Email(subject), await encryptor.DecryptAsync<string>(vault.Ciphertexts[subject], SeededKeyVault.FieldContext(subject)));
            time.Advance(ReadInterval);
            inWindow += ReadInterval;
            if (inWindow >= VaultWindow || i == Reads - 1)
            {
                busiestWindow = Math.Max(busiestWindow, server.Requests.Count - windowStart);
                windowStart = server.Requests.Count;
                inWindow = TimeSpan.Zero;
            }
        }

        RecordedRequest[] calls = server.Requests.Skip(first).ToArray();
        DataKeyCacheStatistics statistics = provider.GetRequiredService<IDataKeyManager>().CacheStatistics;
        var result = new LoadResult(
            subjects.Distinct().Count(),
            calls.Count(r => r.Operation == "unwrapkey" && r.Status == 200),
            calls.Length,
            busiestWindow,
            statistics.Evictions);
        output.WriteLine(
            $"{distribution,-7} KeyCacheSize {options.KeyCacheSize,5}, KeyCacheLifetime {options.KeyCacheLifetime.TotalMinutes,2} min: " +
            $"{Reads:N0} reads in {LoadDuration.TotalMinutes} min over {result.DistinctSubjects:N0} subjects -> " +
            $"{result.VaultCalls:N0} vault calls ({result.Unwraps:N0} unwrapkey, {calls.Count(r => r.Operation == "wrapkey")} wrapkey, " +
            $"{calls.Count(r => r.Operation == "get")} GET key, {calls.Count(r => r.Status == 401)} challenge), " +
            $"busiest 10 s {result.BusiestWindow:N0}, evictions {result.Evictions:N0}");

        // Reads never wrap nor fetch the key: every call is an unwrap the cache counted (after the one
        // authentication challenge of a new client), and each succeeded first time.
        Assert.All(calls.Skip(1), r => Assert.Equal(("unwrapkey", 200), (r.Operation, r.Status)));
        Assert.Equal(statistics.Unwraps, result.Unwraps);
        Assert.Equal(statistics.Misses, result.Unwraps);
        Assert.True(result.Unwraps < Reads / 4, $"{result.Unwraps} unwraps for {Reads} reads: the data-key cache is not caching.");
        return result;
    }

    private static int[] Draw(Distribution distribution)
    {
        var random = new Random(Seed);
        double[] cumulative = new double[Subjects];
        double sum = 0;
        for (int rank = 0; rank < Subjects; rank++)
        {
            sum += 1.0 / (rank + 1);
            cumulative[rank] = sum;
        }

        var subjects = new int[Reads];
        for (int i = 0; i < Reads; i++)
        {
            int zipf = Array.BinarySearch(cumulative, random.NextDouble() * sum);
            subjects[i] = distribution == Distribution.Uniform ? random.Next(Subjects) : Math.Min(zipf >= 0 ? zipf : ~zipf, Subjects - 1);
        }

        return subjects;
    }

    private sealed record LoadResult(int DistinctSubjects, int Unwraps, int VaultCalls, int BusiestWindow, long Evictions);
}
