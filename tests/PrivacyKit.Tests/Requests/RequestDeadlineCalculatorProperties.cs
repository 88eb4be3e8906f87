using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrivacyKit.Requests;

namespace PrivacyKit.Tests.Requests;

public sealed class RequestDeadlineCalculatorProperties
{
    private static readonly DateTimeOffset Epoch = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Arbitrary<DateTimeOffset> Instants() =>
        Gen.Choose(0, 365 * 60).SelectMany(day => Gen.Choose(0, (24 * 60) - 1), (day, minute) => Epoch.AddDays(day).AddMinutes(minute)).ToArbitrary();

    [Property]
    public Property GdprDue_IsSameDayNextMonthOrItsLastDay() => Prop.ForAll(Instants(), received =>
    {
        var (due, _, _) = RequestDeadlineCalculatorTests.Calculator().Compute(SubjectRequestKind.Access, PrivacyRegime.Gdpr, received);
        var nextMonth = new DateTime(received.Year, received.Month, 1).AddMonths(1);
        var expectedDay = Math.Min(received.Day, DateTime.DaysInMonth(nextMonth.Year, nextMonth.Month));
        return due.Year == nextMonth.Year && due.Month == nextMonth.Month && due.Day == expectedDay
            && due.TimeOfDay == received.TimeOfDay
            && (due - received).TotalDays is >= 28 and <= 31;
    });

    [Property]
    public Property GdprExtension_IsThreeMonthsFromReceiptAndAfterTheDeadline() => Prop.ForAll(Instants(), received =>
    {
        var calculator = RequestDeadlineCalculatorTests.Calculator();
        var (due, _, _) = calculator.Compute(SubjectRequestKind.Erasure, PrivacyRegime.Gdpr, received);
        var extended = calculator.Extended(PrivacyRegime.Gdpr, received)!.Value;
        return extended == calculator.AddMonths(received, 3)
            && (extended - due).TotalDays is >= 58 and <= 62;
    });

    [Property]
    public Property CcpaDeadlines_Are45And90Days() => Prop.ForAll(Instants(), received =>
    {
        var calculator = RequestDeadlineCalculatorTests.Calculator();
        var (due, _, _) = calculator.Compute(SubjectRequestKind.Access, PrivacyRegime.Ccpa, received);
        return due == received.AddDays(45) && calculator.Extended(PrivacyRegime.Ccpa, received) == received.AddDays(90);
    });

    [Property]
    public Property AddDays_InBerlin_CountsLocalDaysAndKeepsLocalTimeAcrossDaylightSaving() => Prop.ForAll(
        Instants(),
        Gen.Choose(1, 120).ToArbitrary(),
        (received, days) =>
        {
            var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
            var due = RequestDeadlineCalculatorTests.Calculator(o => o.TimeZoneId = "Europe/Berlin").AddDays(received, days);
            var localReceived = TimeZoneInfo.ConvertTime(received, berlin);
            var localDue = TimeZoneInfo.ConvertTime(due, berlin);
            var expected = localReceived.DateTime.AddDays(days);
            return berlin.IsInvalidTime(expected)
                ? localDue.DateTime == expected.AddHours(1)
                : localDue.DateTime == expected && due.Offset == berlin.GetUtcOffset(expected);
        });

    [Property]
    public Property AddBusinessDays_LandsOnBusinessDayAfterExactlyNBusinessDays()
    {
        var holidays = Gen.Choose(0, 60).ArrayOf().Select(offsets => offsets.Select(o => DateOnly.FromDateTime(Epoch.Date).AddDays(o)).ToHashSet());
        var cases = Gen.Choose(0, 40).SelectMany(
            day => Gen.Choose(1, 20).SelectMany(n => holidays, (n, h) => (n, h)),
            (day, rest) => (Received: Epoch.AddDays(day).AddHours(13), N: rest.n, Holidays: rest.h));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var options = new SubjectRequestOptions();
            foreach (var holiday in c.Holidays)
            {
                options.Holidays.Add(holiday);
            }

            var calendar = new WeekendHolidayCalendar(Microsoft.Extensions.Options.Options.Create(options));
            var result = RequestDeadlineCalculatorTests.Calculator(calendar: calendar).AddBusinessDays(c.Received, c.N);

            var start = DateOnly.FromDateTime(c.Received.DateTime);
            var end = DateOnly.FromDateTime(result.DateTime);
            var counted = Enumerable.Range(1, end.DayNumber - start.DayNumber).Count(d => calendar.IsBusinessDay(start.AddDays(d)));
            return calendar.IsBusinessDay(end) && counted == c.N && result.TimeOfDay == c.Received.TimeOfDay;
        });
    }
}
