using System.Buffers;
using System.Security.Cryptography;

namespace PrivacyKit.Audit;

/// <summary>Computes record HMACs with one key. Not thread-safe: one per writer or verifier.</summary>
internal sealed class AuditChainSigner : IDisposable
{
    private readonly IncrementalHash _hmac;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public AuditChainSigner(string keyId, ReadOnlySpan<byte> key)
    {
        KeyId = keyId;
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
    }

    public string KeyId { get; }

    public void Sign(string instanceId, long sequence, ReadOnlySpan<byte> previousHash, AuditEvent auditEvent, Span<byte> hash)
    {
        _buffer.ResetWrittenCount();
        AuditCanonicalEncoding.Write(_buffer, instanceId, sequence, KeyId, previousHash, auditEvent);
        _hmac.AppendData(_buffer.WrittenSpan);
        _hmac.GetHashAndReset(hash);
    }

    /// <summary>Tells whether a stored record's hash is its HMAC under this signer's key.</summary>
    public bool IsAuthentic(AuditRecord record)
    {
        Span<byte> previous = stackalloc byte[AuditCanonicalEncoding.HashSize];
        Span<byte> stored = stackalloc byte[AuditCanonicalEncoding.HashSize];
        if (!TryDecodeHash(record.PreviousHash, previous) || !TryDecodeHash(record.Hash, stored))
        {
            return false;
        }

        Span<byte> computed = stackalloc byte[AuditCanonicalEncoding.HashSize];
        Sign(record.InstanceId, record.Sequence, previous, record.Event, computed);
        return CryptographicOperations.FixedTimeEquals(computed, stored);
    }

    public void Dispose() => _hmac.Dispose();

    internal static bool TryDecodeHash(string hex, Span<byte> destination) =>
        hex.Length == AuditCanonicalEncoding.HashSize * 2
        && !hex.AsSpan().ContainsAnyInRange('A', 'F')
        && Convert.FromHexString(hex, destination, out _, out var written) == OperationStatus.Done
        && written == AuditCanonicalEncoding.HashSize;
}
