using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PrivacyKit.Benchmarks.EfCore;

/// <summary>
/// The floor: the same four values per row encrypted with one cached AesGcm instance, no envelope, no lookup. Created
/// with <c>perSubjectKeys</c>, it keeps what PrivacyKit's design costs and nothing else: one cached AesGcm per row (each
/// customer is a data subject with its own key) and associated data of the length PrivacyKit binds (the authenticated
/// header and the encoded entity, property and scope).
/// </summary>
internal sealed class RawAesGcmFields : IDisposable
{
    private readonly AesGcm _aes = new(RandomNumberGenerator.GetBytes(32), 16);
    private readonly AesGcm[]? _rowKeys;
    private readonly byte[][]? _associatedData;
    private readonly byte[][] _ciphertext;
    private readonly byte[][] _tags;
    private readonly byte[] _nonce = RandomNumberGenerator.GetBytes(12);
    private readonly byte[] _buffer = new byte[256];
    private ulong _counter;

    private RawAesGcmFields(int rows, bool perSubjectKeys)
    {
        var plaintext = new byte[rows * 4][];
        _ciphertext = new byte[rows * 4][];
        _tags = new byte[rows * 4][];
        for (var i = 0; i < rows; i++)
        {
            plaintext[4 * i] = Encoding.UTF8.GetBytes(BenchmarkCustomerData.Name(i));
            plaintext[(4 * i) + 1] = Encoding.UTF8.GetBytes(BenchmarkCustomerData.Email(i));
            plaintext[(4 * i) + 2] = Encoding.UTF8.GetBytes(BenchmarkCustomerData.Phone(i));
            plaintext[(4 * i) + 3] = Encoding.UTF8.GetBytes(BenchmarkCustomerData.Address(i));
        }

        if (perSubjectKeys)
        {
            _rowKeys = [.. Enumerable.Range(0, rows).Select(_ => new AesGcm(RandomNumberGenerator.GetBytes(32), 16))];
            string[] properties = ["Name", "Email", "Phone", "Address"];
            _associatedData = [.. Enumerable.Range(0, plaintext.Length).Select(f => AssociatedData(nameof(EncryptedCustomer), properties[f % 4], "subject:" + BenchmarkCustomerData.Id(0, f / 4)))];
        }

        for (var f = 0; f < plaintext.Length; f++)
        {
            _ciphertext[f] = new byte[plaintext[f].Length];
            _tags[f] = new byte[16];
            KeyFor(f).Encrypt(_nonce, plaintext[f], _ciphertext[f], _tags[f], _associatedData?[f]);
        }
    }

    public static RawAesGcmFields Create(int rows, bool perSubjectKeys = false) => new(rows, perSubjectKeys);

    /// <summary>Decrypts the row's four values and decodes them to strings, as a reader must.</summary>
    public int DecryptRow(int row)
    {
        var length = 0;
        for (var f = 4 * row; f < (4 * row) + 4; f++)
        {
            var output = _buffer.AsSpan(0, _ciphertext[f].Length);
            KeyFor(f).Decrypt(_nonce, _ciphertext[f], _tags[f], output, _associatedData?[f]);
            length += Encoding.UTF8.GetString(output).Length;
        }

        return length;
    }

    /// <summary>
    /// Encodes and encrypts the row's four values, as a writer must: UTF-8 encoding, a fresh output array per value (like
    /// a column value) holding nonce, ciphertext and tag. The nonce is a counter, the cheapest unique nonce for one key.
    /// </summary>
    public int EncryptRow(ClearCustomer row) =>
        Encrypt(row.Name) + Encrypt(row.Email) + Encrypt(row.Phone) + Encrypt(row.Address);

    private int Encrypt(string value)
    {
        var length = Encoding.UTF8.GetBytes(value, _buffer);
        var output = new byte[length + 28];
        BinaryPrimitives.WriteUInt64LittleEndian(output.AsSpan(4, 8), ++_counter);
        _aes.Encrypt(output.AsSpan(0, 12), _buffer.AsSpan(0, length), output.AsSpan(12, length), output.AsSpan(12 + length, 16));
        return output.Length;
    }

    public void Dispose()
    {
        _aes.Dispose();
        foreach (var key in _rowKeys ?? [])
        {
            key.Dispose();
        }
    }

    private AesGcm KeyFor(int field) => _rowKeys?[field / 4] ?? _aes;

    // A 29-byte authenticated header, then each name with a 2-byte length and an absent tenant (docs/ciphertext-format.md).
    private static byte[] AssociatedData(string entity, string property, string scope)
    {
        var names = new[] { entity, property, scope }.Select(Encoding.UTF8.GetBytes).ToArray();
        var data = new byte[29 + names.Sum(n => 2 + n.Length) + 2];
        var offset = 29;
        foreach (var name in names)
        {
            BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(offset), (ushort)name.Length);
            name.CopyTo(data, offset + 2);
            offset += 2 + name.Length;
        }

        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(offset), 0xFFFF);
        return data;
    }
}
