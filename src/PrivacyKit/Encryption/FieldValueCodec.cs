using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace PrivacyKit.Encryption;

/// <summary>
/// Turns typed values into the plaintext payload of a ciphertext and back, exactly: big-endian
/// fixed-size encodings, <see cref="DateTime.Kind"/>, the offset of a <see cref="DateTimeOffset"/> and the
/// scale of a <see cref="decimal"/> are kept. Strings are strict UTF-8; byte arrays are stored as they are.
/// </summary>
internal static class FieldValueCodec
{
    /// <summary>The largest fixed-size payload (decimal, Guid, 128-bit integers).</summary>
    public const int MaxFixedSize = 16;

    /// <summary>Gets the value type for <typeparamref name="T"/>, or throws <see cref="NotSupportedException"/>.</summary>
    public static FieldValueType TypeOf<T>() => TypeCache<T>.Value ?? throw Internal.Error.UnsupportedFieldType(typeof(T));

    public static int WriteFixed<T>(T value, FieldValueType type, Span<byte> d)
    {
        switch (type)
        {
            case FieldValueType.Boolean: d[0] = Get<T, bool>(value) ? (byte)1 : (byte)0; return 1;
            case FieldValueType.Byte: d[0] = Get<T, byte>(value); return 1;
            case FieldValueType.SByte: d[0] = (byte)Get<T, sbyte>(value); return 1;
            case FieldValueType.Int16: BinaryPrimitives.WriteInt16BigEndian(d, Get<T, short>(value)); return 2;
            case FieldValueType.UInt16: BinaryPrimitives.WriteUInt16BigEndian(d, Get<T, ushort>(value)); return 2;
            case FieldValueType.Int32: BinaryPrimitives.WriteInt32BigEndian(d, Get<T, int>(value)); return 4;
            case FieldValueType.UInt32: BinaryPrimitives.WriteUInt32BigEndian(d, Get<T, uint>(value)); return 4;
            case FieldValueType.Int64: BinaryPrimitives.WriteInt64BigEndian(d, Get<T, long>(value)); return 8;
            case FieldValueType.UInt64: BinaryPrimitives.WriteUInt64BigEndian(d, Get<T, ulong>(value)); return 8;
            case FieldValueType.Int128: BinaryPrimitives.WriteInt128BigEndian(d, Get<T, Int128>(value)); return 16;
            case FieldValueType.UInt128: BinaryPrimitives.WriteUInt128BigEndian(d, Get<T, UInt128>(value)); return 16;
            case FieldValueType.Double: BinaryPrimitives.WriteInt64BigEndian(d, BitConverter.DoubleToInt64Bits(Get<T, double>(value))); return 8;
            case FieldValueType.Guid: Get<T, Guid>(value).TryWriteBytes(d, bigEndian: true, out _); return 16;
            case FieldValueType.DateOnly: BinaryPrimitives.WriteInt32BigEndian(d, Get<T, DateOnly>(value).DayNumber); return 4;
            case FieldValueType.Decimal:
                Span<int> bits = stackalloc int[4];
                decimal.GetBits(Get<T, decimal>(value), bits);
                for (var i = 0; i < 4; i++)
                {
                    BinaryPrimitives.WriteInt32BigEndian(d[(i * 4)..], bits[i]);
                }

                return 16;
            case FieldValueType.DateTime:
                var dateTime = Get<T, DateTime>(value);
                BinaryPrimitives.WriteUInt64BigEndian(d, (ulong)dateTime.Ticks | ((ulong)dateTime.Kind << 62));
                return 8;
            case FieldValueType.DateTimeOffset:
                var offset = Get<T, DateTimeOffset>(value);
                BinaryPrimitives.WriteInt64BigEndian(d, offset.Ticks);
                BinaryPrimitives.WriteInt16BigEndian(d[8..], (short)offset.TotalOffsetMinutes);
                return 10;
            default:
                throw new InvalidOperationException("Not a fixed-size value type.");
        }
    }

    /// <summary>Reads a fixed-size value; returns <see langword="false"/> when the payload does not fit the type.</summary>
    public static bool TryReadFixed<T>(FieldValueType type, ReadOnlySpan<byte> p, out T value)
    {
        value = default!;
        switch (type)
        {
            case FieldValueType.Boolean when p.Length == 1 && p[0] <= 1: value = Wrap<T, bool>(p[0] == 1); return true;
            case FieldValueType.Byte when p.Length == 1: value = Wrap<T, byte>(p[0]); return true;
            case FieldValueType.SByte when p.Length == 1: value = Wrap<T, sbyte>((sbyte)p[0]); return true;
            case FieldValueType.Int16 when p.Length == 2: value = Wrap<T, short>(BinaryPrimitives.ReadInt16BigEndian(p)); return true;
            case FieldValueType.UInt16 when p.Length == 2: value = Wrap<T, ushort>(BinaryPrimitives.ReadUInt16BigEndian(p)); return true;
            case FieldValueType.Int32 when p.Length == 4: value = Wrap<T, int>(BinaryPrimitives.ReadInt32BigEndian(p)); return true;
            case FieldValueType.UInt32 when p.Length == 4: value = Wrap<T, uint>(BinaryPrimitives.ReadUInt32BigEndian(p)); return true;
            case FieldValueType.Int64 when p.Length == 8: value = Wrap<T, long>(BinaryPrimitives.ReadInt64BigEndian(p)); return true;
            case FieldValueType.UInt64 when p.Length == 8: value = Wrap<T, ulong>(BinaryPrimitives.ReadUInt64BigEndian(p)); return true;
            case FieldValueType.Int128 when p.Length == 16: value = Wrap<T, Int128>(BinaryPrimitives.ReadInt128BigEndian(p)); return true;
            case FieldValueType.UInt128 when p.Length == 16: value = Wrap<T, UInt128>(BinaryPrimitives.ReadUInt128BigEndian(p)); return true;
            case FieldValueType.Double when p.Length == 8: value = Wrap<T, double>(BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(p))); return true;
            case FieldValueType.Guid when p.Length == 16: value = Wrap<T, Guid>(new Guid(p, bigEndian: true)); return true;
            case FieldValueType.DateOnly when p.Length == 4: return TryReadDateOnly(p, out value);
            case FieldValueType.Decimal when p.Length == 16: return TryReadDecimal(p, out value);
            case FieldValueType.DateTime when p.Length == 8: return TryReadDateTime(p, out value);
            case FieldValueType.DateTimeOffset when p.Length == 10: return TryReadDateTimeOffset(p, out value);
            default: return false;
        }
    }

    private static bool TryReadDateOnly<T>(ReadOnlySpan<byte> p, out T value)
    {
        var dayNumber = BinaryPrimitives.ReadInt32BigEndian(p);
        var ok = dayNumber >= DateOnly.MinValue.DayNumber && dayNumber <= DateOnly.MaxValue.DayNumber;
        value = ok ? Wrap<T, DateOnly>(DateOnly.FromDayNumber(dayNumber)) : default!;
        return ok;
    }

    private static bool TryReadDecimal<T>(ReadOnlySpan<byte> p, out T value)
    {
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < 4; i++)
        {
            bits[i] = BinaryPrimitives.ReadInt32BigEndian(p[(i * 4)..]);
        }

        // Valid flags: only the sign bit and a scale of 0..28 in bits 16..23.
        var flags = bits[3];
        var ok = (flags & 0x7F00FFFF) == 0 && ((flags >> 16) & 0xFF) <= 28;
        value = ok ? Wrap<T, decimal>(new decimal(bits)) : default!;
        return ok;
    }

    private static bool TryReadDateTime<T>(ReadOnlySpan<byte> p, out T value)
    {
        var raw = BinaryPrimitives.ReadUInt64BigEndian(p);
        var ticks = (long)(raw & 0x3FFF_FFFF_FFFF_FFFF);
        var kind = (int)(raw >> 62);
        var ok = kind <= (int)DateTimeKind.Local && ticks <= DateTime.MaxValue.Ticks;
        value = ok ? Wrap<T, DateTime>(new DateTime(ticks, (DateTimeKind)kind)) : default!;
        return ok;
    }

    private static bool TryReadDateTimeOffset<T>(ReadOnlySpan<byte> p, out T value)
    {
        var ticks = BinaryPrimitives.ReadInt64BigEndian(p);
        var minutes = BinaryPrimitives.ReadInt16BigEndian(p[8..]);
        var ok = ticks >= 0 && ticks <= DateTime.MaxValue.Ticks && Math.Abs((int)minutes) <= 14 * 60;
        if (ok)
        {
            var offset = TimeSpan.FromMinutes(minutes);
            var utcTicks = ticks - offset.Ticks;
            ok = utcTicks >= 0 && utcTicks <= DateTime.MaxValue.Ticks;
            value = ok ? Wrap<T, DateTimeOffset>(new DateTimeOffset(ticks, offset)) : default!;
            return ok;
        }

        value = default!;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TValue Get<T, TValue>(T value)
        where TValue : struct =>
        typeof(T) == typeof(TValue) ? Unsafe.As<T, TValue>(ref value) : (TValue)(object)value!;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Wrap<T, TValue>(TValue value)
        where TValue : struct =>
        typeof(T) == typeof(TValue) ? Unsafe.As<TValue, T>(ref value) : (T)(object)value;

    private static class TypeCache<T>
    {
        public static readonly FieldValueType? Value = Resolve(Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));

        private static FieldValueType? Resolve(Type type) =>
            type == typeof(string) ? FieldValueType.String :
            type == typeof(byte[]) ? FieldValueType.Bytes :
            type == typeof(bool) ? FieldValueType.Boolean :
            type == typeof(byte) ? FieldValueType.Byte :
            type == typeof(sbyte) ? FieldValueType.SByte :
            type == typeof(short) ? FieldValueType.Int16 :
            type == typeof(ushort) ? FieldValueType.UInt16 :
            type == typeof(int) ? FieldValueType.Int32 :
            type == typeof(uint) ? FieldValueType.UInt32 :
            type == typeof(long) ? FieldValueType.Int64 :
            type == typeof(ulong) ? FieldValueType.UInt64 :
            type == typeof(Int128) ? FieldValueType.Int128 :
            type == typeof(UInt128) ? FieldValueType.UInt128 :
            type == typeof(decimal) ? FieldValueType.Decimal :
            type == typeof(double) ? FieldValueType.Double :
            type == typeof(Guid) ? FieldValueType.Guid :
            type == typeof(DateTime) ? FieldValueType.DateTime :
            type == typeof(DateTimeOffset) ? FieldValueType.DateTimeOffset :
            type == typeof(DateOnly) ? FieldValueType.DateOnly :
            null;
    }
}
