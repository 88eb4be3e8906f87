using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using PrivacyKit.Internal;
using PrivacyKit.Keys;

namespace PrivacyKit.Encryption;

/// <summary>
/// Reads the self-describing header of field ciphertexts without decrypting them (docs/ciphertext-format.md):
/// is a value already encrypted, which data key does it need, and converts between the binary and the
/// text form (<c>pk1:</c> + base64).
/// </summary>
public static class FieldCiphertext
{
    /// <summary>The prefix of the text form of a ciphertext.</summary>
    public const string TextPrefix = "pk1:";

    /// <summary>The bytes a ciphertext adds to its plaintext: a 29-byte header and a 16-byte tag.</summary>
    public const int Overhead = CiphertextLayout.Overhead;

    /// <summary>Gets a value indicating whether <paramref name="value"/> has the shape of a PrivacyKit ciphertext (known version and algorithm, full length).</summary>
    /// <param name="value">The stored bytes.</param>
    /// <returns><see langword="true"/> when it looks like a ciphertext. Only decryption proves it is one.</returns>
    public static bool IsEncrypted(ReadOnlySpan<byte> value) =>
        CiphertextLayout.TryReadKey(value, out var key) && key.Version > 0 && value[CiphertextLayout.ValueTypeOffset] <= (byte)FieldValueType.DateOnly;

    /// <summary>Gets a value indicating whether <paramref name="text"/> is the text form of a PrivacyKit ciphertext (an encrypt-existing-data job skips such values).</summary>
    /// <param name="text">The stored text.</param>
    /// <returns><see langword="true"/> when it starts with <see cref="TextPrefix"/> and the rest is a ciphertext in base64.</returns>
    public static bool IsEncrypted([NotNullWhen(true)] string? text) => WithDecoded(text, static bytes => IsEncrypted(bytes));

    /// <summary>Reads the data key a ciphertext was encrypted under (to preload keys or to find values under a retired version).</summary>
    /// <param name="ciphertext">The ciphertext.</param>
    /// <param name="key">The key reference when readable.</param>
    /// <returns><see langword="false"/> when the header is not readable.</returns>
    public static bool TryGetKeyReference(ReadOnlySpan<byte> ciphertext, out DataKeyReference key)
    {
        if (IsEncrypted(ciphertext) && CiphertextLayout.ReadKey(ciphertext) is { VersionOrNull: not null } id)
        {
            key = id.ToReference();
            return true;
        }

        key = default;
        return false;
    }

    /// <summary>Reads the data key a text ciphertext was encrypted under.</summary>
    /// <param name="text">The text ciphertext.</param>
    /// <param name="key">The key reference when readable.</param>
    /// <returns><see langword="false"/> when the text is not a readable ciphertext.</returns>
    public static bool TryGetKeyReference([NotNullWhen(true)] string? text, out DataKeyReference key)
    {
        DataKeyReference found = default;
        var ok = WithDecoded(text, bytes => TryGetKeyReference(bytes, out found));
        key = found;
        return ok;
    }

    /// <summary>Converts a binary ciphertext into its text form.</summary>
    /// <param name="ciphertext">The binary ciphertext.</param>
    /// <returns><see cref="TextPrefix"/> followed by standard base64.</returns>
    public static string ToText(ReadOnlySpan<byte> ciphertext) =>
        string.Create(TextPrefix.Length + (((ciphertext.Length + 2) / 3) * 4), ciphertext, static (text, bytes) =>
        {
            TextPrefix.CopyTo(text);
            Convert.TryToBase64Chars(bytes, text[TextPrefix.Length..], out _);
        });

    /// <summary>Converts a text ciphertext into its binary form.</summary>
    /// <param name="text">The text ciphertext.</param>
    /// <returns>The binary ciphertext.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidCiphertextException">The text lacks the prefix or is not base64.</exception>
    public static byte[] FromText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new byte[MaxDecodedLength(text)];
        return TryDecode(text, buffer, out var written) ? buffer[..written] : throw Error.NotTextCiphertext(default);
    }

    internal static int MaxDecodedLength(string text) => Math.Max(0, (text.Length - TextPrefix.Length) / 4 * 3);

    internal static bool TryDecode(string text, Span<byte> destination, out int written)
    {
        written = 0;
        return text.StartsWith(TextPrefix, StringComparison.Ordinal) &&
            Convert.TryFromBase64Chars(text.AsSpan(TextPrefix.Length), destination, out written);
    }

    private static bool WithDecoded(string? text, Func<byte[], bool> inspect)
    {
        if (text is null || !text.StartsWith(TextPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(MaxDecodedLength(text));
        try
        {
            return TryDecode(text, buffer, out var written) && inspect(buffer[..written]);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
