using Microsoft.Extensions.Compliance.Redaction;

namespace PrivacyKit.Classification;

/// <summary>
/// Replaces a value of any PrivacyKit classification with a fixed mask, so that neither the value
/// nor its length reaches a log.
/// </summary>
internal sealed class PrivacyKitRedactor : Redactor
{
    internal const string Mask = "****";

    public override int GetRedactedLength(ReadOnlySpan<char> input) => input.IsEmpty ? 0 : Mask.Length;

    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        if (source.IsEmpty)
        {
            return 0;
        }

        Mask.AsSpan().CopyTo(destination);
        return Mask.Length;
    }
}
