using Microsoft.Extensions.Options;
using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

public sealed class RequestDeadlineCalculatorTests
{
    internal static RequestDeadlineCalculator Calculator(Action<SubjectRequestOptions>? configure = null, IHolidayCalendar? calendar = null)
    {
        var options = new SubjectRequestOptions();
        configure?.Invoke(options);
        return new RequestDeadlineCalculator(Options.Create(options), calendar ?? new WeekendHolidayCalendar(Options.Create(options)));
    }

    [Theory]
    [InlineData(2025, 28)]
    [InlineData(2024, 29)]
    public void Compute_GdprReceivedOn31January_DueOnLastDayOfFebruary(int year, int expectedDay)
    {
        var received = new DateTimeOffset(year, 1, 31, 14, 30, 0, TimeSpan.Zero);

        var (due, confirmBy, optOutBy) = Calculator().Compute(SubjectRequestKind.Access, PrivacyRegime.Gdpr, received);

        Assert.Equal(new DateTimeOffset(year, 2, expectedDay, 14, 30, 0, TimeSpan.Zero), due);
        Assert.Null(confirmBy);
        Assert.Null(optOutBy);
    }

    [Fact]
    public void Extended_GdprReceivedOn31January_ThreeMonthsFromReceipt()
    {
        var received = new DateTimeOffset(2025, 1, 31, 8, 0, 0, TimeSpan.Zero);

        var extended = Calculator().Extended(PrivacyRegime.Gdpr, received);

        Assert.Equal(new DateTimeOffset(2025, 4, 30, 8, 0, 0, TimeSpan.Zero), extended);
    }

    [Fact]
    public void Compute_CcpaAccessOnFriday_Due45DaysAndConfirmationAfter10BusinessDays()
    {
        var friday = new DateTimeOffset(2025, 3, 7, 10, 0, 0, TimeSpan.Zero);

        var (due, confirmBy, optOutBy) = Calculator().Compute(SubjectRequestKind.Access, PrivacyRegime.Ccpa, friday);

        Assert.Equal(friday.AddDays(45), due);
        Assert.Equal(new DateTimeOffset(2025, 3, 21, 10, 0, 0, TimeSpan.Zero), confirmBy);
        Assert.Null(optOutBy);
        Assert.Equal(friday.AddDays(90), Calculator().Extended(PrivacyRegime.Ccpa, friday));
    }

    [Fact]
    public void Compute_CcpaWithHolidayInOptions_ConfirmationMovesPastHoliday()
    {
        var friday = new DateTimeOffset(2025, 3, 7, 10, 0, 0, TimeSpan.Zero);

        var (_, confirmBy, _) = Calculator(o => o.Holidays.Add(new DateOnly(2025, 3, 10)))
            .Compute(SubjectRequestKind.Erasure, PrivacyRegime.Ccpa, friday);

        Assert.Equal(new DateTimeOffset(2025, 3, 24, 10, 0, 0, TimeSpan.Zero), confirmBy);
    }

    [Theory]
    [InlineData(SubjectRequestKind.OptOutOfSale)]
    [InlineData(SubjectRequestKind.Restriction)]
    public void Compute_CcpaOptOutOrLimit_HonouredWithin15BusinessDaysWithoutConfirmation(SubjectRequestKind kind)
    {
        var monday = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

        var (due, confirmBy, optOutBy) = Calculator().Compute(kind, PrivacyRegime.Ccpa, monday);

        Assert.Equal(new DateTimeOffset(2025, 3, 24, 9, 0, 0, TimeSpan.Zero), optOutBy);
        Assert.Null(confirmBy);
        Assert.Equal(monday.AddDays(45), due);
    }

    [Fact]
    public void Compute_CustomCalendar_UsesItForBusinessDays()
    {
        var monday = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

        var (_, confirmBy, _) = Calculator(calendar: new EveryDayCalendar()).Compute(SubjectRequestKind.Access, PrivacyRegime.Ccpa, monday);

        Assert.Equal(monday.AddDays(10), confirmBy);
    }

    [Fact]
    public void Compute_PiplWithConfiguredDays_UsesThem()
    {
        var received = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
        var calculator = Calculator(o => { o.PiplResponseDays = 20; o.PiplExtensionDays = 10; });

        var (due, _, _) = calculator.Compute(SubjectRequestKind.Access, PrivacyRegime.Pipl, received);

        Assert.Equal(received.AddDays(20), due);
        Assert.Equal(received.AddDays(30), calculator.Extended(PrivacyRegime.Pipl, received));
    }

    [Fact]
    public void Compute_PiplDefault_Due15Days()
    {
        var received = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

        var (due, _, _) = Calculator().Compute(SubjectRequestKind.Erasure, PrivacyRegime.Pipl, received);

        Assert.Equal(received.AddDays(15), due);
    }

    [Fact]
    public void Extended_PiplWithoutExtensionDays_IsNull()
    {
        Assert.Null(Calculator(o => o.PiplExtensionDays = 0).Extended(PrivacyRegime.Pipl, RequestTestHost.Start));
    }

    [Fact]
    public void AddMonths_BerlinTimeZone_CountsOnTheLocalCalendar()
    {
        // 00:30 on 1 March in Berlin is still 28 February in UTC.
        var received = new DateTimeOffset(2025, 3, 1, 0, 30, 0, TimeSpan.FromHours(1));

        var inBerlin = Calculator(o => o.TimeZoneId = "Europe/Berlin").AddMonths(received, 1);
        var inUtc = Calculator().AddMonths(received, 1);

        Assert.Equal(new DateTimeOffset(2025, 4, 1, 0, 30, 0, TimeSpan.FromHours(2)), inBerlin);
        Assert.Equal(new DateTimeOffset(2025, 3, 28, 23, 30, 0, TimeSpan.Zero), inUtc);
    }

    [Fact]
    public void AddBusinessDays_CalendarWithoutBusinessDays_ThrowsInvalidOperation()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Calculator(calendar: new NoBusinessDayCalendar()).AddBusinessDays(RequestTestHost.Start, 1));

        Assert.Contains(nameof(NoBusinessDayCalendar), ex.Message);
    }

    private sealed class EveryDayCalendar : IHolidayCalendar
    {
        public bool IsBusinessDay(DateOnly day) => true;
    }

    private sealed class NoBusinessDayCalendar : IHolidayCalendar
    {
        public bool IsBusinessDay(DateOnly day) => false;
    }
}
