using System.Text.RegularExpressions;
using PrivacyKit.Internal;

namespace PrivacyKit.Requests;

/// <summary>
/// Refuses reasons and notes that look personal before they are stored and audited: the subject's
/// own id, an e-mail address, or eight or more digits in a row (phone, account or card numbers).
/// A heuristic, not a guarantee; the documentation asks for non-personal text.
/// </summary>
internal static partial class NonPersonalText
{
    public const int MaxLength = 500;

    public static void Check(string? text, string subjectId, string paramName)
    {
        if (text is null)
        {
            return;
        }

        if (text.Length > MaxLength)
        {
            throw Error.TextTooLong(paramName, MaxLength);
        }

        if (subjectId.Length >= 3 && text.Contains(subjectId, StringComparison.OrdinalIgnoreCase))
        {
            throw Error.LooksPersonal(paramName, "the data subject's id");
        }

        if (EmailLike().IsMatch(text))
        {
            throw Error.LooksPersonal(paramName, "an e-mail address");
        }

        if (LongNumber().IsMatch(text))
        {
            throw Error.LooksPersonal(paramName, "a long number (eight or more digits)");
        }
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex EmailLike();

    [GeneratedRegex(@"\d{8,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LongNumber();
}
