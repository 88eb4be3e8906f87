using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using PrivacyKit.Audit;

namespace PrivacyKit.EFCore.Stores.Audit;

/// <summary>
/// Chains and signs audit events for records written inside an application's transaction, with the byte layout of
/// docs/audit-format.md (the same records the core pipeline writes, so <see cref="AuditChainVerifier"/> checks them).
/// Not thread-safe: one per write.
/// </summary>
internal sealed class AuditRecordSigner : IDisposable
{
    public const string ZeroHash = "0000000000000000000000000000000000000000000000000000000000000000";

    private const uint NullMarker = uint.MaxValue;
    private readonly IncrementalHash _hmac;
    private readonly ArrayBufferWriter<byte> _buffer = new(1024);

    public AuditRecordSigner(IAuditKeyProvider keys)
    {
        KeyId = keys.CurrentChainKeyId;
        _hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, keys.GetChainKey(KeyId).Span);
    }

    public string KeyId { get; }

    /// <summary>Places <paramref name="e"/> after the record with <paramref name="previousHash"/> at <paramref name="sequence"/>.</summary>
    public AuditRecord Chain(string chainId, long sequence, string previousHash, AuditEvent e)
    {
        _buffer.ResetWrittenCount();
        _buffer.Write("PKAUDIT1"u8);
        WriteString(chainId);
        WriteInt64(sequence);
        WriteString(KeyId);
        _buffer.Write(Convert.FromHexString(previousHash));
        WriteInt32((int)e.Kind);
        WriteString(e.Action);
        WriteString(e.ActorId);
        WriteList(e.ActorRoles);
        WriteString(e.OnBehalfOf);
        WriteString(e.SubjectId);
        WriteString(e.ResourceType);
        WriteString(e.ResourceId);
        WriteList(e.Fields);
        WriteString(e.Purpose);
        WriteInt32((int)e.Outcome);
        WriteString(e.Reason);
        WriteInt64(e.Timestamp.UtcTicks);
        WriteString(e.CorrelationId);
        WriteUInt32((uint)e.Properties.Count);
        foreach (var key in e.Properties.Keys.Order(StringComparer.Ordinal))
        {
            WriteString(key);
            WriteString(e.Properties[key]);
        }

        _hmac.AppendData(_buffer.WrittenSpan);
        return new AuditRecord
        {
            InstanceId = chainId,
            Sequence = sequence,
            KeyId = KeyId,
            PreviousHash = previousHash,
            Hash = Convert.ToHexStringLower(_hmac.GetHashAndReset()),
            Event = e,
        };
    }

    public void Dispose() => _hmac.Dispose();

    private void WriteList(IReadOnlyList<string> items)
    {
        WriteUInt32((uint)items.Count);
        foreach (var item in items)
        {
            WriteString(item);
        }
    }

    private void WriteString(string? value)
    {
        if (value is null)
        {
            WriteUInt32(NullMarker);
            return;
        }

        WriteUInt32((uint)Encoding.UTF8.GetByteCount(value));
        _buffer.Write(Encoding.UTF8.GetBytes(value));
    }

    private void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    private void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.GetSpan(4), value);
        _buffer.Advance(4);
    }

    private void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(_buffer.GetSpan(8), value);
        _buffer.Advance(8);
    }
}
