using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Encryption;

namespace PrivacyKit.Benchmarks.EfCore;

/// <summary>
/// What does transparent encryption cost when a CRM inserts 10,000 new customers (four encrypted string fields, one
/// blind-indexed) through EF Core on SQLite in memory? Each operation inserts into a fresh database; for PrivacyKit
/// every customer is a new data subject, so each operation also creates and wraps 10,000 data keys.
/// Baseline: the same model unencrypted. Floor: the clear insert plus a raw cached-AesGcm encrypt of the same four
/// values per row. Comparison: a Data Protection value converter.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)] // one insert of 10,000 rows per iteration for every method (the key-creating setup needs it), so all share one table and baseline
public class EfCoreInsertBenchmarks
{
    private BenchmarkDatabases _databases = null!;
    private RawAesGcmFields _raw = null!;
    private int _run;
    private int _preloadedRun;

    [GlobalSetup]
    public void Setup()
    {
        _databases = new BenchmarkDatabases();
        _raw = RawAesGcmFields.Create(BenchmarkCustomerData.Count);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _databases.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int Clear() => Insert(_databases.Clear, NewCustomers(BenchmarkCustomerData.Clear, 0));

    [Benchmark]
    public int ClearPlusRawAesGcm()
    {
        var customers = NewCustomers(BenchmarkCustomerData.Clear, 0);
        var length = 0;
        foreach (var customer in customers)
        {
            length += _raw.EncryptRow(customer);
        }

        return Insert(_databases.Clear, customers) + (length & 0);
    }

    [Benchmark]
    public int PrivacyKit() => Insert(_databases.PrivacyKit, NewCustomers(BenchmarkCustomerData.Encrypted, Interlocked.Increment(ref _run)));

    /// <summary>
    /// Diagnostic, not a target: the PrivacyKit insert with the 10,000 new subjects' data keys created (batched, through
    /// <see cref="IFieldEncryptor.PreloadScopesAsync"/>) before the measured operation, as a CRM importing customers can
    /// do ahead of the save. The difference to <see cref="PrivacyKit"/> is what creating and wrapping the keys costs.
    /// </summary>
    [Benchmark]
    public int PrivacyKitKeysCreatedBefore() => Insert(_databases.PrivacyKit, NewCustomers(BenchmarkCustomerData.Encrypted, _preloadedRun));

    [IterationSetup(Target = nameof(PrivacyKitKeysCreatedBefore))]
    public void CreateKeysForNextRun()
    {
        _preloadedRun = Interlocked.Increment(ref _run);
        var scopes = Enumerable.Range(0, BenchmarkCustomerData.Count)
            .Select(i => EncryptionScope.ForSubject(BenchmarkCustomerData.Id(_preloadedRun, i)));
        _databases.Services.GetRequiredService<IFieldEncryptor>().PreloadScopesAsync(scopes).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Diagnostic, not a target: <see cref="PrivacyKit"/> with ciphertexts stored as BLOBs (no base64, shorter columns).</summary>
    [Benchmark]
    public int PrivacyKitBinaryColumns() => Insert(_databases.PrivacyKitBinary, NewCustomers(BenchmarkCustomerData.Encrypted, Interlocked.Increment(ref _run)));

    [Benchmark]
    public int DataProtectionConverter() => Insert(_databases.DataProtection, NewCustomers(BenchmarkCustomerData.Clear, 0));

    private static List<T> NewCustomers<T>(Func<int, int, T> create, int run) =>
        [.. Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => create(run, i))];

    // Each operation inserts into a fresh in-memory database.
    private static int Insert<TContext, TCustomer>(Func<SqliteConnection, TContext> open, List<TCustomer> customers)
        where TContext : DbContext
        where TCustomer : class
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var context = open(connection);
        context.Database.EnsureCreated();
        context.Set<TCustomer>().AddRange(customers);
        return context.SaveChanges();
    }
}
