namespace PrivacyKit.Access;

/// <summary>
/// Mask functions for fields whose access is <see cref="FieldAccess.Masked"/>. A mask never
/// returns the value it was given, however short: when the masked form would equal the input
/// (an empty value, or a value that already looks masked) a fixed placeholder is returned instead.
/// </summary>
public static class FieldMask
{
    /// <summary>The placeholder that stands for masked characters.</summary>
    public const string Placeholder = "***";

    private const string AlternatePlaceholder = "****";

    /// <summary>Masks an e-mail address to its first character and domain: <c>john@example.com</c> becomes <c>j***@example.com</c>.</summary>
    /// <param name="value">The e-mail address. A value that is not an address is masked by <see cref="Generic"/>.</param>
    /// <returns>The masked value; never equal to <paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string Email(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1 || char.IsSurrogate(value[0]))
        {
            return Generic(value);
        }

        return Differ(string.Concat(value.AsSpan(0, 1), Placeholder, value.AsSpan(at)), value);
    }

    /// <summary>
    /// Masks a phone number to its last digits: <c>+44 20 7946 0958</c> becomes <c>***0958</c>. Numbers
    /// with fewer than eight digits keep two, fewer than five keep none.
    /// </summary>
    /// <param name="value">The phone number. A value without digits is masked by <see cref="Generic"/>.</param>
    /// <returns>The masked value; never equal to <paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string Phone(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        if (digits == 0)
        {
            return Generic(value);
        }

        var keep = digits >= 8 ? 4 : digits >= 5 ? 2 : 0;
        Span<char> tail = stackalloc char[4];
        var n = keep;
        for (var i = value.Length - 1; i >= 0 && n > 0; i--)
        {
            if (char.IsAsciiDigit(value[i]))
            {
                tail[--n] = value[i];
            }
        }

        return Differ(string.Concat(Placeholder, tail[..keep]), value);
    }

    /// <summary>Masks any text to its first character (when it has at least four) followed by <see cref="Placeholder"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The masked value; never equal to <paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string Generic(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var masked = value.Length >= 4 && !char.IsSurrogate(value[0])
            ? string.Concat(value.AsSpan(0, 1), Placeholder)
            : Placeholder;
        return Differ(masked, value);
    }

    /// <summary>
    /// Masks a value by its shape: an e-mail address with <see cref="Email"/>, a phone number (digits,
    /// spaces, '+', '-', '(', ')', '.') with <see cref="Phone"/>, anything else with <see cref="Generic"/>.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <returns>The masked value; never equal to <paramref name="value"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string Auto(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Contains('@', StringComparison.Ordinal))
        {
            return Email(value);
        }

        return LooksLikePhone(value) ? Phone(value) : Generic(value);
    }

    private static bool LooksLikePhone(string value)
    {
        var digits = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '+' or '-' or '(' or ')' or '.'))
            {
                return false;
            }
        }

        return digits >= 5;
    }

    private static string Differ(string masked, string original) =>
        !string.Equals(masked, original, StringComparison.Ordinal) ? masked
        : string.Equals(original, Placeholder, StringComparison.Ordinal) ? AlternatePlaceholder
        : Placeholder;
}
