using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PrivacyKit.Audit;

/// <summary>HMAC-SHA256 of <c>UTF-8(field) 0x00 UTF-8(value)</c> under the value-hash key, truncated to 16 bytes.</summary>
internal sealed class AuditValueHasher(IAuditKeyProvider keys) : IAuditValueHasher
{
    private readonly byte[] _key = keys.GetValueHashKey().ToArray();
    private readonly string _prefix = "vh1:" + keys.ValueHashKeyId + ":";

    public string Hash(string field, ReadOnlySpan<char> value)
    {
        ArgumentNullException.ThrowIfNull(field);
        var length = Encoding.UTF8.GetByteCount(field) + 1 + Encoding.UTF8.GetByteCount(value);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(field, rented);
            rented[written++] = 0;
            written += Encoding.UTF8.GetBytes(value, rented.AsSpan(written));
            Span<byte> mac = stackalloc byte[32];
            HMACSHA256.HashData(_key, rented.AsSpan(0, written), mac);
            return _prefix + Convert.ToHexStringLower(mac[..16]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented.AsSpan(0, length));
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
