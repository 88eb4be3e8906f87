using System.ComponentModel;
using System.Globalization;

namespace PrivacyKit.EFCore.Requests;

/// <summary>Formats field values for exports and keys (invariant culture, ISO 8601) and parses text into a property's type.</summary>
internal static class ValueText
{
    public static string? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        byte[] bytes => Convert.ToBase64String(bytes),
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>The text of a key tuple, e.g. <c>42</c> or <c>7|2</c> for a composite key (a <c>|</c> or <c>\</c> inside a part is escaped with <c>\</c>).</summary>
    public static string Key(object?[] values) =>
        values.Length == 1
            ? Format(values[0]) ?? ""
            : string.Join('|', values.Select(v => Format(v)?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)));

    /// <summary>Parses text into <paramref name="type"/>; <see langword="false"/> when it does not convert.</summary>
    public static bool TryParse(string? text, Type type, out object? value)
    {
        value = null;
        var underlying = Nullable.GetUnderlyingType(type);
        if (text is null)
        {
            return underlying is not null || !type.IsValueType;
        }

        var target = underlying ?? type;
        try
        {
            value = target switch
            {
                _ when target == typeof(string) => text,
                _ when target == typeof(Guid) => Guid.Parse(text, CultureInfo.InvariantCulture),
                _ when target == typeof(DateTimeOffset) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                _ when target == typeof(DateTime) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                _ when target == typeof(DateOnly) => DateOnly.Parse(text, CultureInfo.InvariantCulture),
                _ when target.IsEnum => Enum.Parse(target, text, ignoreCase: false),
                _ => TypeDescriptor.GetConverter(target).ConvertFromInvariantString(text),
            };
            return value is not null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            return false;
        }
    }
}
