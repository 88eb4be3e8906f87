using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
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
    public int Clear()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var context = _databases.Clear(connection);
        context.Database.EnsureCreated();
        context.Customers.AddRange(Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => BenchmarkCustomerData.Clear(0, i)));
        return context.SaveChanges();
    }

    [Benchmark]
    public int ClearPlusRawAesGcm()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var context = _databases.Clear(connection);
        context.Database.EnsureCreated();
        var customers = Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => BenchmarkCustomerData.Clear(0, i)).ToList();
        var length = 0;
        foreach (var customer in customers)
        {
            length += _raw.EncryptRow(customer);
        }

        context.Customers.AddRange(customers);
        return context.SaveChanges() + (length & 0);
    }

    [Benchmark]
    public int PrivacyKit()
    {
        var run = Interlocked.Increment(ref _run);
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var context = _databases.PrivacyKit(connection);
        context.Database.EnsureCreated();
        context.Customers.AddRange(Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => BenchmarkCustomerData.Encrypted(run, i)));
        return context.SaveChanges();
    }

    /// <summary>
    /// Diagnostic, not a target: the PrivacyKit insert with the 10,000 new subjects' data keys created (batched, through
    /// <see cref="IFieldEncryptor.PreloadScopesAsync"/>) before the measured operation, as a CRM importing customers can
    /// do ahead of the save. The difference to <see cref="PrivacyKit"/> is what creating and wrapping the keys costs.
    /// </summary>
    [Benchmark]
    public int PrivacyKitKeysCreatedBefore()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var context = _databases.PrivacyKit(connection);
        context.Database.EnsureCreated();
        context.Customers.AddRange(Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => BenchmarkCustomerData.Encrypted(_preloadedRun, i)));
        return context.SaveChanges();
    }

    [IterationSetup(Target = nameof(PrivacyKitKeysCreatedBefore))]
    public void CreateKeysForNextRun()
    {
        _preloadedRun = Interlocked.Increment(ref _run);
        var scopes = Enumerable.Range(0, BenchmarkCustomerData.Count)
            .Select(i => EncryptionScope.ForSubject(BenchmarkCustomerData.Id(_preloadedRun, i)));
        _databases.Services.GetRequiredService<IFieldEncryptor>().PreloadScopesAsync(scopes).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public int DataProtectionConverter()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var context = _databases.DataProtection(connection);
        context.Database.EnsureCreated();
        context.Customers.AddRange(Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => BenchmarkCustomerData.Clear(0, i)));
        return context.SaveChanges();
    }
}
