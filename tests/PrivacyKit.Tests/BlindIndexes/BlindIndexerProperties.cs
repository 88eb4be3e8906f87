using FsCheck.Xunit;
using PrivacyKit.BlindIndexes;
using PrivacyKit.Tests.Encryption;

namespace PrivacyKit.Tests.BlindIndexes;

public sealed class BlindIndexerProperties : IDisposable
{
    private readonly EncryptionTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Property]
    public bool UntruncatedIndex_EqualExactlyWhenNormalisedInputsAreEqual(string a, string b)
    {
        if (a is null || b is null || !IsWellFormed(a) || !IsWellFormed(b))
        {
            return true;
        }

        var normalizer = BlindIndexNormalizers.TrimCaseFold;
        var indexA = _host.BlindIndexer.Compute("Customer.Name", a, normalizer, bits: 256)!;
        var indexB = _host.BlindIndexer.Compute("Customer.Name", b, normalizer, bits: 256)!;
        return indexA.AsSpan().SequenceEqual(indexB) == (normalizer.Normalize(a) == normalizer.Normalize(b));
    }

    [Property]
    public bool TruncatedIndex_IsThePrefixOfTheFullOne(string value, byte lengthSeed)
    {
        if (value is null || !IsWellFormed(value))
        {
            return true;
        }

        var bits = 16 + (lengthSeed % 31 * 8);
        var full = _host.BlindIndexer.Compute("Customer.Name", value, bits: 256)!;
        var truncated = _host.BlindIndexer.Compute("Customer.Name", value, bits: bits)!;
        return truncated.Length * 8 == bits && full.AsSpan().StartsWith(truncated);
    }

    private static bool IsWellFormed(string value) =>
        System.Text.Unicode.Utf8.FromUtf16(value, new byte[(value.Length * 3) + 4], out _, out _, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done;
}
