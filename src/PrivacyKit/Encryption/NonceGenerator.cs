using System.Security.Cryptography;

namespace PrivacyKit.Encryption;

/// <summary>
/// Hands out random 96-bit nonces from a per-thread buffer refilled from the CSPRNG in bulk: one
/// <see cref="RandomNumberGenerator.Fill"/> of 12 bytes costs about as much as AES-GCM on a short field.
/// </summary>
internal static class NonceGenerator
{
    private const int NoncesPerRefill = 256;
    private const int BufferSize = CiphertextLayout.NonceSize * NoncesPerRefill;

    [ThreadStatic]
    private static byte[]? t_buffer;

    [ThreadStatic]
    private static int t_offset;

    public static void Fill(Span<byte> nonce)
    {
        var buffer = t_buffer;
        var offset = t_offset;
        if (buffer is null || offset == BufferSize)
        {
            buffer ??= t_buffer = GC.AllocateUninitializedArray<byte>(BufferSize, pinned: true);
            RandomNumberGenerator.Fill(buffer);
            offset = 0;
        }

        var source = buffer.AsSpan(offset, CiphertextLayout.NonceSize);
        source.CopyTo(nonce);

        // A nonce is handed out once: clear it so nothing in memory can give it out again.
        source.Clear();
        t_offset = offset + CiphertextLayout.NonceSize;
    }
}
