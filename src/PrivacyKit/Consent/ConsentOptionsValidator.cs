using System.Buffers;
using Microsoft.Extensions.Options;

namespace PrivacyKit.Consent;

internal sealed class ConsentOptionsValidator : IValidateOptions<ConsentOptions>
{
    private static readonly SearchValues<char> IdChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789.-_");
    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");

    public static bool IsValidPurposeId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && !id.AsSpan().ContainsAnyExcept(IdChars) && char.IsAsciiLetterOrDigit(id[0]);

    public ValidateOptionsResult Validate(string? name, ConsentOptions options)
    {
        var failures = new List<string>();
        if (options.DecisionCacheLifetime < TimeSpan.Zero || options.DecisionCacheLifetime > TimeSpan.FromHours(1))
        {
            failures.Add("ConsentOptions.DecisionCacheLifetime must be between 0 (no caching) and 1 hour; a withdrawn consent must take effect everywhere within it.");
        }

        if (options.MaxCachedSubjects < 1)
        {
            failures.Add("ConsentOptions.MaxCachedSubjects must be at least 1; set DecisionCacheLifetime to 0 to disable caching.");
        }

        if (!Enum.IsDefined(options.ErasureEvidence))
        {
            failures.Add($"ConsentOptions.ErasureEvidence {(int)options.ErasureEvidence} is not a ConsentErasureEvidence; use Retain (the default) or Remove.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Purposes.Count; i++)
        {
            var p = options.Purposes[i];
            if (p is null)
            {
                failures.Add($"ConsentOptions.Purposes[{i}] is null.");
                continue;
            }

            if (!IsValidPurposeId(p.Id))
            {
                failures.Add($"ConsentOptions.Purposes[{i}].Id '{p.Id}' must be 1 to 64 lower-case letters, digits, '.', '-' or '_', starting with a letter or digit.");
                continue;
            }

            if (!ids.Add(p.Id))
            {
                failures.Add($"Consent purpose '{p.Id}' is registered more than once; purpose ids must be unique.");
            }

            if (string.IsNullOrWhiteSpace(p.Description))
            {
                failures.Add($"Consent purpose '{p.Id}' has no Description; say what the data is used for.");
            }

            if (!Enum.IsDefined(p.LawfulBasis))
            {
                failures.Add($"Consent purpose '{p.Id}' has LawfulBasis {(int)p.LawfulBasis}, which is not a LawfulBasis.");
            }

            if (p.LawfulBasis == LawfulBasis.Consent && string.IsNullOrWhiteSpace(p.PolicyVersion))
            {
                failures.Add($"Consent purpose '{p.Id}' rests on consent but has no PolicyVersion; set the version of the text subjects agree to.");
            }

            if (p.RequiresSeparateConsent && p.LawfulBasis != LawfulBasis.Consent)
            {
                failures.Add($"Consent purpose '{p.Id}' is a cross-border transfer or sensitive-data processing, which needs separate consent; set LawfulBasis = Consent.");
            }

            if (p.PolicyTextHash is { } hash && (!hash.StartsWith("sha256:", StringComparison.Ordinal) || hash.Length != 71 || hash.AsSpan(7).ContainsAnyExcept(Hex)))
            {
                failures.Add($"Consent purpose '{p.Id}' has a malformed PolicyTextHash; use ConsentPurpose.HashPolicyText(text) ('sha256:' and 64 lower-case hex digits).");
            }

            if (p.ConsentLifetime is { } lifetime && lifetime <= TimeSpan.Zero)
            {
                failures.Add($"Consent purpose '{p.Id}' has a ConsentLifetime that is not positive; leave it null for grants that do not lapse.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
