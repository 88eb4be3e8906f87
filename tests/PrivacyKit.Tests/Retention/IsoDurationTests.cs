using PrivacyKit.Retention;

namespace PrivacyKit.Tests.Retention;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("P7Y", 7, 0, 0, 0, 0, 0, 0)]
    [InlineData("P18M", 0, 18, 0, 0, 0, 0, 0)]
    [InlineData("P1Y6M", 1, 6, 0, 0, 0, 0, 0)]
    [InlineData("P2W", 0, 0, 2, 0, 0, 0, 0)]
    [InlineData("P30D", 0, 0, 0, 30, 0, 0, 0)]
    [InlineData("PT12H", 0, 0, 0, 0, 12, 0, 0)]
    [InlineData("P1DT2H3M4S", 0, 0, 0, 1, 2, 3, 4)]
    [InlineData("P1Y2M3W4DT5H6M7S", 1, 2, 3, 4, 5, 6, 7)]
    public void Parse_ValidText_ReadsComponents(string text, int y, int mo, int w, int d, int h, int mi, int s)
    {
        var duration = IsoDuration.Parse(text);
        Assert.Equal(new IsoDuration(y, mo, w, d, h, mi, s), duration);
        Assert.Equal(text, duration.ToString());
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("7Y", "must start with 'P'")]
    [InlineData("P", "has no components")]
    [InlineData("PT", "'T' must appear once")]
    [InlineData("p7y", "must start with 'P'")]
    [InlineData("P7y", "designator 'y' is unknown")]
    [InlineData("P1M1Y", "out of order")]
    [InlineData("P1Y1Y", "out of order")]
    [InlineData("PT1D", "out of order")]
    [InlineData("P1H", "out of order")]
    [InlineData("P1.5Y", "designator '.'")]
    [InlineData("P-1Y", "expected whole numbers")]
    [InlineData("P 1Y", "expected whole numbers")]
    [InlineData("P1", "expected whole numbers")]
    [InlineData("P99999999999Y", "at most 1000000")]
    [InlineData("P1YT1H2S3M", "out of order")]
    public void Parse_MalformedText_ThrowsFormatExceptionSayingWhy(string text, string reason)
    {
        var ex = Assert.Throws<FormatException>(() => IsoDuration.Parse(text));
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.False(IsoDuration.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => IsoDuration.Parse(null!));
        Assert.False(IsoDuration.TryParse(null, out _));
    }

    [Fact]
    public void Constructor_NegativeComponent_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsoDuration(years: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsoDuration(days: 1_000_001));
    }

    [Theory]
    [InlineData("2026-01-31T10:00:00Z", "P1M", "2026-02-28T10:00:00Z")]
    [InlineData("2024-01-31T10:00:00Z", "P1M", "2024-02-29T10:00:00Z")]
    [InlineData("2024-02-29T00:00:00Z", "P1Y", "2025-02-28T00:00:00Z")]
    [InlineData("2024-02-29T00:00:00Z", "P4Y", "2028-02-29T00:00:00Z")]
    [InlineData("2026-03-31T00:00:00Z", "P1M", "2026-04-30T00:00:00Z")]
    [InlineData("2026-01-30T00:00:00Z", "P1M1D", "2026-03-01T00:00:00Z")]
    [InlineData("2026-12-31T23:00:00Z", "PT2H", "2027-01-01T01:00:00Z")]
    [InlineData("2026-01-01T00:00:00Z", "P2W", "2026-01-15T00:00:00Z")]
    public void AddTo_CalendarCases_AreExact(string start, string duration, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            IsoDuration.Parse(duration).AddTo(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void AddTo_BeyondYear9999_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new IsoDuration(years: 20_000).AddTo(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void LatestStartEndingBy_MonthEnd_IsEndOfPreviousMonthsLastDay()
    {
        // Starts up to the end of 28 Feb end by 28 Mar; from 1 Mar they end on 1 Apr.
        var asOf = new DateTimeOffset(2026, 3, 30, 5, 0, 0, TimeSpan.Zero);
        var cutoff = IsoDuration.Parse("P1M").LatestStartEndingBy(asOf);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), cutoff);
    }

    [Fact]
    public void LatestStartEndingBy_NearMinValue_ReturnsNull()
    {
        Assert.Null(IsoDuration.Parse("P1Y").LatestStartEndingBy(DateTimeOffset.MinValue.AddDays(10)));
    }
}
