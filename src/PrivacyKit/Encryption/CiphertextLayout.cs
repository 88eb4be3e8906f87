using System.Buffers.Binary;
using PrivacyKit.Keys;

namespace PrivacyKit.Encryption;

/// <summary>
/// The byte layout of a field ciphertext (docs/ciphertext-format.md):
/// <c>version(1) algorithm(1) valueType(1) keyId(8) keyVersion(4) contextCheck(2) nonce(12) ciphertext(n) tag(16)</c>.
/// </summary>
internal static class CiphertextLayout
{
    public const byte FormatVersion = 1;
    public const byte AlgorithmAes256Gcm = 1;

    public const int VersionOffset = 0;
    public const int AlgorithmOffset = 1;
    public const int ValueTypeOffset = 2;
    public const int KeyIdOffset = 3;
    public const int KeyVersionOffset = 11;
    public const int CheckOffset = 15;
    public const int NonceOffset = 17;
    public const int HeaderSize = 29;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = HeaderSize + TagSize;

    /// <summary>The part of the header that is bound into the associated data (everything before the nonce).</summary>
    public const int AuthenticatedHeaderSize = NonceOffset;

    public static void WriteHeader(Span<byte> destination, FieldValueType type, DataKeyId key, ushort check)
    {
        destination[VersionOffset] = FormatVersion;
        destination[AlgorithmOffset] = AlgorithmAes256Gcm;
        destination[ValueTypeOffset] = (byte)type;
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(KeyIdOffset, 8), key.Id);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(KeyVersionOffset, 4), key.Version);
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(CheckOffset, 2), check);
    }

    /// <summary>Reads the key reference when the header is readable, without any exception.</summary>
    public static bool TryReadKey(ReadOnlySpan<byte> ciphertext, out DataKeyId key)
    {
        if (ciphertext.Length < Overhead || ciphertext[VersionOffset] != FormatVersion || ciphertext[AlgorithmOffset] != AlgorithmAes256Gcm)
        {
            key = default;
            return false;
        }

        key = ReadKey(ciphertext);
        return true;
    }

    public static DataKeyId ReadKey(ReadOnlySpan<byte> ciphertext) => new(
        BinaryPrimitives.ReadUInt64BigEndian(ciphertext.Slice(KeyIdOffset, 8)),
        BinaryPrimitives.ReadUInt32BigEndian(ciphertext.Slice(KeyVersionOffset, 4)));

    public static ushort ReadCheck(ReadOnlySpan<byte> ciphertext) =>
        BinaryPrimitives.ReadUInt16BigEndian(ciphertext.Slice(CheckOffset, 2));
}
