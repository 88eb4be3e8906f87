using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace PrivacyKit.Internal;

/// <summary>
/// The strict UTF-8 bytes of a personal value in a pooled buffer that is zeroed when disposed. Strings
/// that are not well-formed UTF-16 (a lone surrogate) are refused rather than silently altered.
/// </summary>
internal readonly struct PooledUtf8 : IDisposable
{
    public static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _buffer;
    private readonly int _length;

    private PooledUtf8(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    /// <exception cref="ArgumentException"><paramref name="value"/> is not well-formed UTF-16.</exception>
    public static PooledUtf8 Encode(string value, string paramName)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Strict.GetMaxByteCount(value.Length));
        try
        {
            return new PooledUtf8(buffer, Strict.GetBytes(value, buffer));
        }
        catch (EncoderFallbackException)
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            throw Error.InvalidUtf16(paramName);
        }
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_buffer.AsSpan(0, _length));
        ArrayPool<byte>.Shared.Return(_buffer);
    }
}
