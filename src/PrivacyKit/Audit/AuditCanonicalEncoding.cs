using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace PrivacyKit.Audit;

/// <summary>
/// The byte-exact encoding a record's HMAC covers (docs/audit-format.md): the magic <c>PKAUDIT1</c>, then
/// every field in a fixed order; strings as a big-endian u32 UTF-8 byte length and the bytes (0xFFFFFFFF for
/// null), lists as a u32 count and their strings, properties as a u32 count and key/value pairs sorted by
/// ordinal key, integers big-endian, the time as UTC ticks.
/// </summary>
internal static class AuditCanonicalEncoding
{
    public const int HashSize = 32;

    private const uint NullMarker = uint.MaxValue;

    private static ReadOnlySpan<byte> Magic => "PKAUDIT1"u8;

    public static void Write(
        IBufferWriter<byte> writer, string instanceId, long sequence, string keyId, ReadOnlySpan<byte> previousHash, AuditEvent e)
    {
        writer.Write(Magic);
        WriteString(writer, instanceId);
        WriteInt64(writer, sequence);
        WriteString(writer, keyId);
        writer.Write(previousHash);
        WriteInt32(writer, (int)e.Kind);
        WriteString(writer, e.Action);
        WriteString(writer, e.ActorId);
        WriteList(writer, e.ActorRoles);
        WriteString(writer, e.OnBehalfOf);
        WriteString(writer, e.SubjectId);
        WriteString(writer, e.ResourceType);
        WriteString(writer, e.ResourceId);
        WriteList(writer, e.Fields);
        WriteString(writer, e.Purpose);
        WriteInt32(writer, (int)e.Outcome);
        WriteString(writer, e.Reason);
        WriteInt64(writer, e.Timestamp.UtcTicks);
        WriteString(writer, e.CorrelationId);
        WriteProperties(writer, e.Properties);
    }

    private static void WriteProperties(IBufferWriter<byte> writer, IReadOnlyDictionary<string, string> properties)
    {
        WriteUInt32(writer, (uint)properties.Count);
        if (properties.Count == 0)
        {
            return;
        }

        var keys = new string[properties.Count];
        var i = 0;
        foreach (var pair in properties)
        {
            keys[i++] = pair.Key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            WriteString(writer, key);
            WriteString(writer, properties[key]);
        }
    }

    private static void WriteList(IBufferWriter<byte> writer, IReadOnlyList<string> items)
    {
        WriteUInt32(writer, (uint)items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            WriteString(writer, items[i]);
        }
    }

    private static void WriteString(IBufferWriter<byte> writer, string? value)
    {
        if (value is null)
        {
            WriteUInt32(writer, NullMarker);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        WriteUInt32(writer, (uint)length);
        var span = writer.GetSpan(length);
        Encoding.UTF8.GetBytes(value, span);
        writer.Advance(length);
    }

    private static void WriteUInt32(IBufferWriter<byte> writer, uint value)
    {
        BinaryPrimitives.WriteUInt32BigEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    private static void WriteInt32(IBufferWriter<byte> writer, int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }

    private static void WriteInt64(IBufferWriter<byte> writer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(writer.GetSpan(8), value);
        writer.Advance(8);
    }
}
