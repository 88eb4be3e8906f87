using System.Buffers.Binary;
using System.Security.Cryptography;

namespace PrivacyKit.AzureKeyVault.Tests.TestSupport;

/// <summary>AES key wrap (RFC 3394), which System.Security.Cryptography lacks: the local Managed HSM's A256KW.</summary>
internal static class AesKeyWrap
{
    private const ulong DefaultIv = 0xA6A6A6A6A6A6A6A6;

    public static byte[] Wrap(byte[] keyEncryptionKey, ReadOnlySpan<byte> plaintext)
    {
        if (plaintext.Length < 16 || plaintext.Length % 8 != 0)
        {
            throw new ArgumentException("AES key wrap needs at least 16 bytes, a multiple of 8.", nameof(plaintext));
        }

        using Aes aes = Aes.Create();
        aes.Key = keyEncryptionKey;
        int n = plaintext.Length / 8;
        ulong a = DefaultIv;
        byte[] r = plaintext.ToArray();
        Span<byte> block = stackalloc byte[16];
        Span<byte> output = stackalloc byte[16];
        for (int j = 0; j <= 5; j++)
        {
            for (int i = 1; i <= n; i++)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block, a);
                r.AsSpan((i - 1) * 8, 8).CopyTo(block[8..]);
                aes.EncryptEcb(block, output, PaddingMode.None);
                a = BinaryPrimitives.ReadUInt64BigEndian(output) ^ (ulong)((n * j) + i);
                output[8..].CopyTo(r.AsSpan((i - 1) * 8, 8));
            }
        }

        byte[] result = new byte[r.Length + 8];
        BinaryPrimitives.WriteUInt64BigEndian(result, a);
        r.CopyTo(result, 8);
        return result;
    }

    /// <summary>Unwraps, or returns <see langword="null"/> when the integrity check fails.</summary>
    public static byte[]? Unwrap(byte[] keyEncryptionKey, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length < 24 || ciphertext.Length % 8 != 0)
        {
            return null;
        }

        using Aes aes = Aes.Create();
        aes.Key = keyEncryptionKey;
        int n = (ciphertext.Length / 8) - 1;
        ulong a = BinaryPrimitives.ReadUInt64BigEndian(ciphertext);
        byte[] r = ciphertext[8..].ToArray();
        Span<byte> block = stackalloc byte[16];
        Span<byte> output = stackalloc byte[16];
        for (int j = 5; j >= 0; j--)
        {
            for (int i = n; i >= 1; i--)
            {
                BinaryPrimitives.WriteUInt64BigEndian(block, a ^ (ulong)((n * j) + i));
                r.AsSpan((i - 1) * 8, 8).CopyTo(block[8..]);
                aes.DecryptEcb(block, output, PaddingMode.None);
                a = BinaryPrimitives.ReadUInt64BigEndian(output);
                output[8..].CopyTo(r.AsSpan((i - 1) * 8, 8));
            }
        }

        Span<byte> iv = stackalloc byte[8];
        Span<byte> expected = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(iv, a);
        BinaryPrimitives.WriteUInt64BigEndian(expected, DefaultIv);
        if (!CryptographicOperations.FixedTimeEquals(iv, expected))
        {
            CryptographicOperations.ZeroMemory(r);
            return null;
        }

        return r;
    }
}
