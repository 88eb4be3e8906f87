namespace PrivacyKit.BlindIndexes;

/// <summary>The built-in blind-index normalisers.</summary>
public static class BlindIndexNormalizers
{
    /// <summary>Gets the normaliser that keeps the value as it is (exact match).</summary>
    public static IBlindIndexNormalizer None { get; } = new DelegateNormalizer(static value => value);

    /// <summary>Gets the normaliser that trims white space, applies Unicode NFKC and folds case (invariant lower case).</summary>
    public static IBlindIndexNormalizer TrimCaseFold { get; } = new DelegateNormalizer(static value =>
        value.Trim().Normalize(System.Text.NormalizationForm.FormKC).ToLowerInvariant());

    /// <summary>Gets the normaliser for e-mail addresses: trims and lower-cases the whole address (sub-addresses such as <c>+tag</c> are kept).</summary>
    public static IBlindIndexNormalizer Email { get; } = new DelegateNormalizer(static value => value.Trim().ToLowerInvariant());

    /// <summary>Gets the normaliser for phone numbers: keeps the ASCII digits only (<c>+44 (20) 7946-0000</c> becomes <c>442079460000</c>).</summary>
    public static IBlindIndexNormalizer PhoneDigits { get; } = new DelegateNormalizer(static value =>
        string.Create(value.Count(char.IsAsciiDigit), value, static (destination, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (char.IsAsciiDigit(c))
                {
                    destination[i++] = c;
                }
            }
        }));

    private sealed class DelegateNormalizer(Func<string, string> normalize) : IBlindIndexNormalizer
    {
        public string Normalize(string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            return normalize(value);
        }
    }
}
