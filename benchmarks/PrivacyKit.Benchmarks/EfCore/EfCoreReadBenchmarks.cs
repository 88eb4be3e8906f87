using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PrivacyKit.Benchmarks.EfCore;

/// <summary>
/// What does transparent decryption cost when a CRM reads 10,000 customers (four encrypted string fields, one of them
/// blind-indexed) through EF Core on SQLite in memory? Baseline: the same model unencrypted. Floor: the clear read plus
/// a raw cached-AesGcm decrypt of the same four values per row. Comparison: a Data Protection value converter.
/// </summary>
[MemoryDiagnoser]
public class EfCoreReadBenchmarks
{
    private BenchmarkDatabases _databases = null!;
    private SqliteConnection _clear = null!;
    private SqliteConnection _protected = null!;
    private SqliteConnection _encrypted = null!;
    private RawAesGcmFields _raw = null!;

    [GlobalSetup]
    public void Setup()
    {
        _databases = new BenchmarkDatabases();
        _clear = _databases.Open();
        _protected = _databases.Open();
        _encrypted = _databases.Open();
        using (var context = _databases.Clear(_clear))
        {
            context.Database.EnsureCreated();
            context.Customers.AddRange(Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => BenchmarkCustomerData.Clear(0, i)));
            context.SaveChanges();
        }

        using (var context = _databases.DataProtection(_protected))
        {
            context.Database.EnsureCreated();
            context.Customers.AddRange(Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => BenchmarkCustomerData.Clear(0, i)));
            context.SaveChanges();
        }

        using (var context = _databases.PrivacyKit(_encrypted))
        {
            context.Database.EnsureCreated();
            context.Customers.AddRange(Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => BenchmarkCustomerData.Encrypted(0, i)));
            context.SaveChanges();
        }

        _raw = RawAesGcmFields.Create(BenchmarkCustomerData.Count);
        if (Clear() != PrivacyKit() || Clear() != DataProtectionConverter())
        {
            throw new InvalidOperationException("The variants do not read the same data.");
        }
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
        using var context = _databases.Clear(_clear);
        return Checksum(context.Customers.AsNoTracking().ToList());
    }

    [Benchmark]
    public int ClearPlusRawAesGcm()
    {
        using var context = _databases.Clear(_clear);
        var rows = context.Customers.AsNoTracking().ToList();
        var sum = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            sum += _raw.DecryptRow(i);
        }

        return Checksum(rows) + (sum & 0);
    }

    /// <summary>
    /// Diagnostic, not a target: the clear read with a materialization interceptor that does nothing. Any such
    /// interceptor makes EF Core build a dictionary of value accessors (two delegates per property) for every row;
    /// PrivacyKit needs one to see the ciphertext columns and the subject id of each entity.
    /// </summary>
    [Benchmark]
    public int ClearIntercepted()
    {
        using var context = _databases.ClearIntercepted(_clear);
        return Checksum(context.Customers.AsNoTracking().ToList());
    }

    [Benchmark]
    public int PrivacyKit()
    {
        using var context = _databases.PrivacyKit(_encrypted);
        return Checksum(context.Customers.AsNoTracking().ToList());
    }

    [Benchmark]
    public int DataProtectionConverter()
    {
        using var context = _databases.DataProtection(_protected);
        return Checksum(context.Customers.AsNoTracking().ToList());
    }

    private static int Checksum(List<ClearCustomer> rows) => rows.Sum(r => r.Name.Length + r.Email.Length + r.Phone.Length + r.Address.Length);

    private static int Checksum(List<EncryptedCustomer> rows) => rows.Sum(r => r.Name.Length + r.Email.Length + r.Phone.Length + r.Address.Length);
}
