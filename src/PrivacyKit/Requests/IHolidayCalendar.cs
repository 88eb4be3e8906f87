namespace PrivacyKit.Requests;

/// <summary>Says which days are business days, for deadlines counted in business days (CCPA receipt confirmation and opt-out).</summary>
/// <remarks>
/// Implementations must be thread-safe and fast (called once per day counted) and should not throw.
/// The default treats Saturdays, Sundays and <see cref="SubjectRequestOptions.Holidays"/> as non-business days.
/// </remarks>
public interface IHolidayCalendar
{
    /// <summary>Returns whether <paramref name="day"/> is a business day.</summary>
    /// <param name="day">A calendar date in <see cref="SubjectRequestOptions.TimeZoneId"/>.</param>
    /// <returns><see langword="true"/> for a business day.</returns>
    bool IsBusinessDay(DateOnly day);
}
