using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.Encryption;

namespace PrivacyKit.Tests.Encryption;

/// <summary>The laws of the field encryptor: exact round trips, tamper and context detection, fresh nonces.</summary>
public sealed class FieldEncryptorProperties : IDisposable
{
    private static readonly EncryptionContext Context = EncryptionTestHost.Context();
    private readonly EncryptionTestHost _host = new();

    private IFieldEncryptor Encryptor => _host.Encryptor;

    public void Dispose() => _host.Dispose();

    [Property]
    public bool RoundTrip_String_IsExact(string? value)
    {
        if (value is not null && !IsWellFormed(value))
        {
            // Lone surrogates cannot be encoded exactly: refused rather than altered.
            return Throws<ArgumentException>(() => Encryptor.Encrypt(value, Context));
        }

        return Encryptor.Decrypt<string?>(Encryptor.Encrypt(value, Context), Context) == value &&
            Encryptor.DecryptText<string?>(Encryptor.EncryptToText(value, Context), Context) == value;
    }

    [Property]
    public bool RoundTrip_Bytes_IsExact(byte[]? value) =>
        Equal(Encryptor.Decrypt<byte[]?>(Encryptor.Encrypt(value, Context), Context), value);

    [Property]
    public bool RoundTrip_SmallIntegers_AreExact(bool b, byte u8, sbyte i8, short i16, ushort u16) =>
        RoundTrips(b) && RoundTrips(u8) && RoundTrips(i8) && RoundTrips(i16) && RoundTrips(u16);

    [Property]
    public bool RoundTrip_LargeIntegers_AreExact(int i32, uint u32, long i64, ulong u64) =>
        RoundTrips(i32) && RoundTrips(u32) && RoundTrips(i64) && RoundTrips(u64) &&
        RoundTrips(new Int128((ulong)i64, u64)) && RoundTrips(new UInt128(u64, (ulong)i64));

    [Property]
    public bool RoundTrip_Decimal_KeepsValueAndScale(decimal value)
    {
        var back = Encryptor.Decrypt<decimal>(Encryptor.Encrypt(value, Context), Context);
        return back == value && back.Scale == value.Scale && decimal.IsNegative(back) == decimal.IsNegative(value);
    }

    [Property]
    public bool RoundTrip_Double_KeepsEveryBit(long bits)
    {
        var value = BitConverter.Int64BitsToDouble(bits);
        var back = Encryptor.Decrypt<double>(Encryptor.Encrypt(value, Context), Context);
        return BitConverter.DoubleToInt64Bits(back) == bits;
    }

    [Property]
    public bool RoundTrip_Guid_IsExact(Guid value) => RoundTrips(value);

    [Property]
    public bool RoundTrip_DateTime_KeepsTicksAndKind(long ticks, byte kind)
    {
        var value = new DateTime(Math.Abs(ticks % DateTime.MaxValue.Ticks), (DateTimeKind)(kind % 3));
        var back = Encryptor.Decrypt<DateTime>(Encryptor.Encrypt(value, Context), Context);
        return back.Ticks == value.Ticks && back.Kind == value.Kind;
    }

    [Property]
    public bool RoundTrip_DateTimeOffset_KeepsClockAndOffset(long ticks, short minutes)
    {
        var offset = TimeSpan.FromMinutes(minutes % (14 * 60));
        var clock = Math.Clamp(Math.Abs(ticks % DateTime.MaxValue.Ticks), TimeSpan.FromHours(15).Ticks, DateTime.MaxValue.Ticks - TimeSpan.FromHours(15).Ticks);
        var value = new DateTimeOffset(clock, offset);
        var back = Encryptor.Decrypt<DateTimeOffset>(Encryptor.Encrypt(value, Context), Context);
        return back.Ticks == value.Ticks && back.Offset == value.Offset;
    }

    [Property]
    public bool RoundTrip_DateOnly_IsExact(int day) =>
        RoundTrips(DateOnly.FromDayNumber(Math.Abs(day % DateOnly.MaxValue.DayNumber)));

    [Property]
    public bool RoundTrip_Nullables_KeepNullAndValue(int? number, Guid? id, bool? flag) =>
        Encryptor.Decrypt<int?>(Encryptor.Encrypt(number, Context), Context) == number &&
        Encryptor.Decrypt<Guid?>(Encryptor.Encrypt(id, Context), Context) == id &&
        Encryptor.Decrypt<bool?>(Encryptor.Encrypt(flag, Context), Context) == flag;

    [Property]
    public bool EqualPlaintexts_GiveDifferentCiphertexts(byte[] value)
    {
        var first = Encryptor.Encrypt(value, Context);
        var second = Encryptor.Encrypt(value, Context);
        return !first.AsSpan().SequenceEqual(second) &&
            !first.AsSpan(CiphertextLayout.NonceOffset, CiphertextLayout.NonceSize).SequenceEqual(second.AsSpan(CiphertextLayout.NonceOffset, CiphertextLayout.NonceSize));
    }

    [Property]
    public bool AnySingleBitFlip_IsRejectedWithTheDocumentedException(byte[] value, PositiveInt bitSeed)
    {
        var ciphertext = Encryptor.Encrypt(value, Context);
        var bit = bitSeed.Get % (ciphertext.Length * 8);
        ciphertext[bit / 8] ^= (byte)(1 << (bit % 8));
        var expected = (bit / 8) switch
        {
            CiphertextLayout.VersionOffset => typeof(UnsupportedCiphertextVersionException),
            CiphertextLayout.AlgorithmOffset => typeof(UnsupportedAlgorithmException),
            >= CiphertextLayout.KeyIdOffset and < CiphertextLayout.CheckOffset => typeof(DataKeyNotFoundException),
            >= CiphertextLayout.CheckOffset and < CiphertextLayout.NonceOffset => typeof(EncryptionContextMismatchException),
            _ => typeof(TamperedCiphertextException),
        };
        return ThrowsExactly(expected, () => Encryptor.Decrypt<byte[]>(ciphertext, Context));
    }

    [Property]
    public bool AnyTruncation_IsRejected(byte[] value, NonNegativeInt cut)
    {
        var ciphertext = Encryptor.Encrypt(value, Context);
        var length = cut.Get % ciphertext.Length;
        var expected = length < FieldCiphertext.Overhead ? typeof(TruncatedCiphertextException) : typeof(TamperedCiphertextException);
        return ThrowsExactly(expected, () => Encryptor.Decrypt<byte[]>(ciphertext.AsSpan(0, length), Context));
    }

    [Property]
    public Property AnyContextChange_IsRejectedAsAContextMismatch(NonEmptyString other, byte part)
    {
        var name = "x" + other.Get.Replace("\0", "", StringComparison.Ordinal);
        var changed = (part % 4) switch
        {
            0 => new EncryptionContext(name, Context.Property, Context.Scope),
            1 => new EncryptionContext(Context.Entity, name, Context.Scope),
            2 => new EncryptionContext(Context.Entity, Context.Property, EncryptionScope.ForSubject(name)),
            _ => new EncryptionContext(Context.Entity, Context.Property, Context.Scope, name),
        };
        var ciphertext = Encryptor.Encrypt("value", Context);

        // The 16-bit check collides for one context in 65,536: then authentication still rejects it, as tampering.
        var expected = ContextEncoding.Check(changed) == ContextEncoding.Check(Context) ? typeof(TamperedCiphertextException) : typeof(EncryptionContextMismatchException);
        return ThrowsExactly(expected, () => Encryptor.Decrypt<string>(ciphertext, changed)).Label($"part {part % 4}");
    }

    private static bool IsWellFormed(string value)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetByteCount(value);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    private static bool Equal(byte[]? a, byte[]? b) => a is null ? b is null : b is not null && a.AsSpan().SequenceEqual(b);

    private static bool Throws<TException>(Action action)
        where TException : Exception => ThrowsExactly(typeof(TException), action, exact: false);

    private static bool ThrowsExactly(Type expected, Action action, bool exact = true)
    {
        try
        {
            action();
            return false;
        }
        catch (Exception e)
        {
            return exact ? e.GetType() == expected : expected.IsInstanceOfType(e);
        }
    }

    private bool RoundTrips<T>(T value) => EqualityComparer<T>.Default.Equals(Encryptor.Decrypt<T>(Encryptor.Encrypt(value, Context), Context), value);
}
