using PrivacyKit.Encryption;

namespace PrivacyKit.Tests.Encryption;

/// <summary>What the encryptor binds of a context, computed the way it does: the canonical encoding and its 16-bit check.</summary>
internal static class ContextEncoding
{
    public static byte[] Encoded(EncryptionContext context)
    {
        var buffer = new byte[context.MaxEncodedLength];
        return buffer[..context.Encode(buffer)];
    }

    public static ushort Check(EncryptionContext context) => EncryptionContext.ComputeCheck(Encoded(context));
}
