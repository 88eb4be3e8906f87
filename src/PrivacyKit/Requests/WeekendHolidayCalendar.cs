using System.Collections.Frozen;
using Microsoft.Extensions.Options;

namespace PrivacyKit.Requests;

/// <summary>The default calendar: Monday to Friday are business days, except <see cref="SubjectRequestOptions.Holidays"/>.</summary>
internal sealed class WeekendHolidayCalendar(IOptions<SubjectRequestOptions> options) : IHolidayCalendar
{
    private readonly FrozenSet<DateOnly> _holidays = options.Value.Holidays.ToFrozenSet();

    public bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);
}
