using System.Security.Cryptography;
using System.Text;
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

/// <summary>The floor: the same four values per row encrypted with one cached AesGcm instance, no envelope, no lookup.</summary>
internal sealed class RawAesGcmFields : IDisposable
{
    private readonly AesGcm _aes = new(RandomNumberGenerator.GetBytes(32), 16);
    private readonly byte[][] _plaintext;
    private readonly byte[][] _ciphertext;
    private readonly byte[][] _tags;
    private readonly byte[] _nonce = RandomNumberGenerator.GetBytes(12);
    private readonly byte[] _buffer = new byte[256];

    private RawAesGcmFields(int rows)
    {
        _plaintext = new byte[rows * 4][];
        _ciphertext = new byte[rows * 4][];
        _tags = new byte[rows * 4][];
        for (var i = 0; i < rows; i++)
        {
            _plaintext[4 * i] = Encoding.UTF8.GetBytes(BenchmarkCustomerData.Name(i));
            _plaintext[(4 * i) + 1] = Encoding.UTF8.GetBytes(BenchmarkCustomerData.Email(i));
            _plaintext[(4 * i) + 2] = Encoding.UTF8.GetBytes(BenchmarkCustomerData.Phone(i));
            _plaintext[(4 * i) + 3] = Encoding.UTF8.GetBytes(BenchmarkCustomerData.Address(i));
        }

        for (var f = 0; f < _plaintext.Length; f++)
        {
            _ciphertext[f] = new byte[_plaintext[f].Length];
            _tags[f] = new byte[16];
            _aes.Encrypt(_nonce, _plaintext[f], _ciphertext[f], _tags[f]);
        }
    }

    public static RawAesGcmFields Create(int rows) => new(rows);

    /// <summary>Decrypts the row's four values and decodes them to strings, as a reader must.</summary>
    public int DecryptRow(int row)
    {
        var length = 0;
        for (var f = 4 * row; f < (4 * row) + 4; f++)
        {
            var output = _buffer.AsSpan(0, _ciphertext[f].Length);
            _aes.Decrypt(_nonce, _ciphertext[f], _tags[f], output);
            length += Encoding.UTF8.GetString(output).Length;
        }

        return length;
    }

    /// <summary>Encodes and encrypts the row's four values, as a writer must (fresh output arrays, like a column value).</summary>
    public int EncryptRow(int row)
    {
        var length = 0;
        for (var f = 4 * row; f < (4 * row) + 4; f++)
        {
            var plaintext = _plaintext[f];
            var output = new byte[plaintext.Length + 28];
            RandomNumberGenerator.Fill(output.AsSpan(0, 12));
            _aes.Encrypt(output.AsSpan(0, 12), plaintext, output.AsSpan(12, plaintext.Length), output.AsSpan(12 + plaintext.Length, 16));
            length += output.Length;
        }

        return length;
    }

    public void Dispose() => _aes.Dispose();
}
