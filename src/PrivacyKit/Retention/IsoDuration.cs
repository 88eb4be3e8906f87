using System.Globalization;
using System.Text;

namespace PrivacyKit.Retention;

/// <summary>
/// An ISO 8601 duration of calendar units (<c>PnYnMnWnDTnHnMnS</c>), as used by retention periods.
/// Years and months are calendar arithmetic: one month after 31 January is the last day of February,
/// one year after 29 February is 28 February unless the target year is a leap year.
/// </summary>
/// <remarks>
/// Parsing is strict: upper-case designators in order, whole non-negative numbers, at least one
/// component, no fractions, no sign, no white space. Weeks may be combined with other units.
/// </remarks>
public readonly struct IsoDuration : IEquatable<IsoDuration>
{
    private const int MaxComponent = 1_000_000;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="years">Whole years.</param>
    /// <param name="months">Whole months.</param>
    /// <param name="weeks">Whole weeks.</param>
    /// <param name="days">Whole days.</param>
    /// <param name="hours">Whole hours.</param>
    /// <param name="minutes">Whole minutes.</param>
    /// <param name="seconds">Whole seconds.</param>
    /// <exception cref="ArgumentOutOfRangeException">A component is negative or larger than 1,000,000.</exception>
    public IsoDuration(int years = 0, int months = 0, int weeks = 0, int days = 0, int hours = 0, int minutes = 0, int seconds = 0)
    {
        Years = Check(years, nameof(years));
        Months = Check(months, nameof(months));
        Weeks = Check(weeks, nameof(weeks));
        Days = Check(days, nameof(days));
        Hours = Check(hours, nameof(hours));
        Minutes = Check(minutes, nameof(minutes));
        Seconds = Check(seconds, nameof(seconds));
    }

    /// <summary>Gets the years.</summary>
    public int Years { get; }

    /// <summary>Gets the months.</summary>
    public int Months { get; }

    /// <summary>Gets the weeks.</summary>
    public int Weeks { get; }

    /// <summary>Gets the days.</summary>
    public int Days { get; }

    /// <summary>Gets the hours.</summary>
    public int Hours { get; }

    /// <summary>Gets the minutes.</summary>
    public int Minutes { get; }

    /// <summary>Gets the seconds.</summary>
    public int Seconds { get; }

    /// <summary>Gets a value indicating whether every component is zero.</summary>
    public bool IsZero => (Years | Months | Weeks | Days | Hours | Minutes | Seconds) == 0;

    /// <summary>Compares two durations component by component.</summary>
    /// <param name="left">The first duration.</param>
    /// <param name="right">The second duration.</param>
    /// <returns><see langword="true"/> when every component is equal.</returns>
    public static bool operator ==(IsoDuration left, IsoDuration right) => left.Equals(right);

    /// <summary>Compares two durations component by component.</summary>
    /// <param name="left">The first duration.</param>
    /// <param name="right">The second duration.</param>
    /// <returns><see langword="true"/> when a component differs.</returns>
    public static bool operator !=(IsoDuration left, IsoDuration right) => !left.Equals(right);

    /// <summary>Parses an ISO 8601 duration strictly.</summary>
    /// <param name="text">The duration, e.g. <c>P7Y</c>, <c>P1Y6M</c>, <c>P30D</c>, <c>PT12H</c>.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a valid duration; the message says what is wrong.</exception>
    public static IsoDuration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var duration, out var error) ? duration : throw new FormatException(error);
    }

    /// <summary>Tries to parse an ISO 8601 duration strictly.</summary>
    /// <param name="text">The duration text.</param>
    /// <param name="duration">The duration when parsing succeeds.</param>
    /// <returns><see langword="true"/> when <paramref name="text"/> is a valid duration.</returns>
    public static bool TryParse(string? text, out IsoDuration duration) => TryParse(text, out duration, out _);

    /// <summary>Adds the duration to an instant: years and months first (clamped to the end of the month), then weeks and days, then time.</summary>
    /// <param name="start">The instant to count from.</param>
    /// <returns>The instant the duration ends, in the offset of <paramref name="start"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The result is outside the range of <see cref="DateTimeOffset"/>.</exception>
    public DateTimeOffset AddTo(DateTimeOffset start)
    {
        var totalMonths = (Years * 12L) + Months;
        if (totalMonths > 120_000)
        {
            throw new ArgumentOutOfRangeException(nameof(start), "The duration reaches beyond year 9999.");
        }

        return start.AddMonths((int)totalMonths)
            .AddDays((Weeks * 7L) + Days)
            .Add(new TimeSpan(Hours, Minutes, Seconds));
    }

    /// <summary>
    /// Returns the latest start (in the offset of <paramref name="end"/>) from which the duration ends at
    /// or before <paramref name="end"/>. Every later start ends after <paramref name="end"/>. Because
    /// month arithmetic clamps to the end of the month, a few earlier starts in the last days of a
    /// month may end after it: use the result to select candidates, then decide each with <see cref="AddTo"/>.
    /// </summary>
    /// <param name="end">The instant the duration must end by.</param>
    /// <returns>The latest start, or <see langword="null"/> when no representable start ends by <paramref name="end"/>.</returns>
    public DateTimeOffset? LatestStartEndingBy(DateTimeOffset end)
    {
        if (IsZero)
        {
            return end;
        }

        // Over whole days the end of the duration is monotone (dates clamp, never go back); within a
        // day it grows with the time of day. So find the last day whose midnight start ends by 'end',
        // then the latest time on that day.
        var self = this;
        var offset = end.Offset;
        var endDay = end.DateTime.Ticks / TimeSpan.TicksPerDay;
        var maxDays = (Years * 366L) + (Months * 31L) + (Weeks * 7L) + Days + 2 + ((((Hours * 60L) + Minutes) * 60) + Seconds) / 86_400;
        var lo = Math.Max(2, endDay - maxDays);
        if (EndOfDay(lo) is not { } first || first > end)
        {
            return null;
        }

        var hi = endDay;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (EndOfDay(mid) is { } e && e <= end)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var slack = Math.Min(TimeSpan.TicksPerDay - 1, (end - EndOfDay(lo)!.Value).Ticks);
        return Midnight(lo).AddTicks(slack);

        DateTimeOffset Midnight(long day) => new(new DateTime(day * TimeSpan.TicksPerDay, DateTimeKind.Unspecified), offset);

        DateTimeOffset? EndOfDay(long day)
        {
            try
            {
                return self.AddTo(Midnight(day));
            }
            catch (ArgumentOutOfRangeException)
            {
                return null;
            }
        }
    }

    /// <inheritdoc/>
    public bool Equals(IsoDuration other) =>
        Years == other.Years && Months == other.Months && Weeks == other.Weeks && Days == other.Days &&
        Hours == other.Hours && Minutes == other.Minutes && Seconds == other.Seconds;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is IsoDuration other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Years, Months, Weeks, Days, Hours, Minutes, Seconds);

    /// <summary>Returns the canonical ISO 8601 text, e.g. <c>P1Y6M</c>; zero is <c>PT0S</c>.</summary>
    /// <returns>The duration text.</returns>
    public override string ToString()
    {
        if (IsZero)
        {
            return "PT0S";
        }

        var sb = new StringBuilder("P");
        Append(sb, Years, 'Y');
        Append(sb, Months, 'M');
        Append(sb, Weeks, 'W');
        Append(sb, Days, 'D');
        if ((Hours | Minutes | Seconds) != 0)
        {
            sb.Append('T');
            Append(sb, Hours, 'H');
            Append(sb, Minutes, 'M');
            Append(sb, Seconds, 'S');
        }

        return sb.ToString();
    }

    internal static bool TryParse(string? text, out IsoDuration duration, out string error)
    {
        duration = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "An ISO 8601 duration must not be empty; write e.g. 'P7Y' or 'P30D'.";
            return false;
        }

        if (text[0] != 'P')
        {
            error = $"'{text}' is not an ISO 8601 duration: it must start with 'P' (e.g. 'P7Y', 'P18M', 'P30D').";
            return false;
        }

        // Designators in the order they must appear; the time part starts at index 4.
        ReadOnlySpan<char> order = "YMWDHMS";
        var values = new int[7];
        var next = 0;
        var inTime = false;
        var any = false;
        var i = 1;
        while (i < text.Length)
        {
            if (text[i] == 'T')
            {
                if (inTime || i + 1 == text.Length)
                {
                    error = $"'{text}' is not an ISO 8601 duration: 'T' must appear once and be followed by hours, minutes or seconds.";
                    return false;
                }

                inTime = true;
                next = Math.Max(next, 4);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == start || i == text.Length)
            {
                error = $"'{text}' is not an ISO 8601 duration: expected whole numbers each followed by a designator (Y, M, W, D, or H, M, S after 'T').";
                return false;
            }

            var designator = text[i];
            var slot = -1;
            for (var s = next; s < order.Length; s++)
            {
                if (order[s] == designator && (s >= 4) == inTime)
                {
                    slot = s;
                    break;
                }
            }

            if (slot < 0)
            {
                error = $"'{text}' is not an ISO 8601 duration: designator '{designator}' is unknown, repeated or out of order (expected PnYnMnWnDTnHnMnS).";
                return false;
            }

            if (!int.TryParse(text.AsSpan(start, i - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > MaxComponent)
            {
                error = $"'{text}' is not a usable ISO 8601 duration: each number must be at most {MaxComponent}.";
                return false;
            }

            values[slot] = value;
            next = slot + 1;
            any = true;
            i++;
        }

        if (!any)
        {
            error = $"'{text}' is not an ISO 8601 duration: it has no components (write e.g. 'P7Y').";
            return false;
        }

        duration = new IsoDuration(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
        error = string.Empty;
        return true;
    }

    private static int Check(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxComponent, name);
        return value;
    }

    private static void Append(StringBuilder sb, int value, char designator)
    {
        if (value != 0)
        {
            sb.Append(value.ToString(CultureInfo.InvariantCulture)).Append(designator);
        }
    }
}
