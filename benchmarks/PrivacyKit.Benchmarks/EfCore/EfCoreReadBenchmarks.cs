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
    private SqliteConnection _binary = null!;
    private RawAesGcmFields _raw = null!;
    private RawAesGcmFields _rawPerSubject = null!;

    [GlobalSetup]
    public void Setup()
    {
        _databases = new BenchmarkDatabases();
        _clear = _databases.Open();
        _protected = _databases.Open();
        _encrypted = _databases.Open();
        _binary = _databases.Open();
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

        using (var context = _databases.PrivacyKitBinary(_binary))
        {
            context.Database.EnsureCreated();
            context.Customers.AddRange(Enumerable.Range(0, BenchmarkCustomerData.Count).Select(i => BenchmarkCustomerData.Encrypted(0, i)));
            context.SaveChanges();
        }

        _raw = RawAesGcmFields.Create(BenchmarkCustomerData.Count);
        _rawPerSubject = RawAesGcmFields.Create(BenchmarkCustomerData.Count, perSubjectKeys: true);
        if (Clear() != PrivacyKit() || Clear() != PrivacyKitBinaryColumns() || Clear() != DataProtectionConverter())
        {
            throw new InvalidOperationException("The variants do not read the same data.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _rawPerSubject.Dispose();
        _databases.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int Clear()
    {
        using var context = _databases.Clear(_clear);
        return Checksum(context.Customers.AsNoTracking().ToList());
    }

    [Benchmark]
    public int ClearPlusRawAesGcm() => ClearPlus(_raw);

    /// <summary>
    /// Diagnostic, not a target: the floor with what PrivacyKit's design itself adds — a data key per subject (so a
    /// cached AesGcm per row, as PrivacyKit's key cache holds one per key) and the entity, property and scope bound
    /// into the associated data. What <see cref="PrivacyKit"/> costs beyond this is PrivacyKit's own code.
    /// </summary>
    [Benchmark]
    public int ClearPlusRawAesGcmPerSubjectKey() => ClearPlus(_rawPerSubject);

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

    /// <summary>Diagnostic, not a target: <see cref="PrivacyKit"/> with ciphertexts stored as BLOBs (no base64, shorter columns).</summary>
    [Benchmark]
    public int PrivacyKitBinaryColumns()
    {
        using var context = _databases.PrivacyKitBinary(_binary);
        return Checksum(context.Customers.AsNoTracking().ToList());
    }

    [Benchmark]
    public int DataProtectionConverter()
    {
        using var context = _databases.DataProtection(_protected);
        return Checksum(context.Customers.AsNoTracking().ToList());
    }

    private int ClearPlus(RawAesGcmFields raw)
    {
        using var context = _databases.Clear(_clear);
        var rows = context.Customers.AsNoTracking().ToList();
        var sum = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            sum += raw.DecryptRow(i);
        }

        return Checksum(rows) + (sum & 0);
    }

    private static int Checksum(List<ClearCustomer> rows) => rows.Sum(r => r.Name.Length + r.Email.Length + r.Phone.Length + r.Address.Length);

    private static int Checksum(List<EncryptedCustomer> rows) => rows.Sum(r => r.Name.Length + r.Email.Length + r.Phone.Length + r.Address.Length);
}
