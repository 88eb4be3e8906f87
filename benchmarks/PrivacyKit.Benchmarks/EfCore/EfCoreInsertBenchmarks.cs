using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;

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
        var length = 0;
        for (var i = 0; i < BenchmarkCustomerData.Count; i++)
        {
            length += _raw.EncryptRow(i);
        }

        context.Customers.AddRange(Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => BenchmarkCustomerData.Clear(0, i)));
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
