using Microsoft.Extensions.Options;
using PrivacyKit.Internal;

namespace PrivacyKit.Requests;

/// <summary>
/// Computes statutory deadlines. Months and days are counted on the calendar of
/// <see cref="SubjectRequestOptions.TimeZoneId"/> and keep the time of day of receipt; a month
/// added to a day the target month lacks lands on its last day (31 Jan + 1 month = 28/29 Feb).
/// </summary>
internal sealed class RequestDeadlineCalculator(IOptions<SubjectRequestOptions> options, IHolidayCalendar calendar)
{
    internal const int GdprMonths = 1;
    internal const int GdprExtendedMonths = 3;
    internal const int CcpaDays = 45;
    internal const int CcpaExtendedDays = 90;
    internal const int CcpaConfirmationBusinessDays = 10;
    internal const int CcpaOptOutBusinessDays = 15;
    private const int MaxNonBusinessDays = 3660;

    private readonly SubjectRequestOptions _options = options.Value;
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZoneId);

    public (DateTimeOffset DueAt, DateTimeOffset? ConfirmBy, DateTimeOffset? OptOutBy) Compute(
        SubjectRequestKind kind, PrivacyRegime regime, DateTimeOffset receivedAt) => regime switch
        {
            PrivacyRegime.Gdpr => (AddMonths(receivedAt, GdprMonths), null, null),
            // Opt-outs of sale/sharing (§ 7026(f)) and requests to limit sensitive data (§ 7027(g)) are honoured
            // within 15 business days and need no receipt confirmation; the other requests (§ 7021) need one within 10.
            PrivacyRegime.Ccpa => kind is SubjectRequestKind.OptOutOfSale or SubjectRequestKind.Restriction
                ? (AddDays(receivedAt, CcpaDays), null, AddBusinessDays(receivedAt, CcpaOptOutBusinessDays))
                : (AddDays(receivedAt, CcpaDays), AddBusinessDays(receivedAt, CcpaConfirmationBusinessDays), null),
            _ => (AddDays(receivedAt, _options.PiplResponseDays), null, null),
        };

    /// <summary>The extended deadline, counted from receipt, or null when the regime allows none.</summary>
    public DateTimeOffset? Extended(PrivacyRegime regime, DateTimeOffset receivedAt) => regime switch
    {
        PrivacyRegime.Gdpr => AddMonths(receivedAt, GdprExtendedMonths),
        PrivacyRegime.Ccpa => AddDays(receivedAt, CcpaExtendedDays),
        _ when _options.PiplExtensionDays > 0 => AddDays(receivedAt, _options.PiplResponseDays + _options.PiplExtensionDays),
        _ => null,
    };

    public DateTimeOffset AddMonths(DateTimeOffset at, int months) => Shift(at, local => local.AddMonths(months));

    public DateTimeOffset AddDays(DateTimeOffset at, int days) => Shift(at, local => local.AddDays(days));

    /// <summary>Adds business days: the day of receipt does not count, and the result is a business day.</summary>
    public DateTimeOffset AddBusinessDays(DateTimeOffset at, int businessDays) => Shift(at, local =>
    {
        var date = DateOnly.FromDateTime(local);
        var counted = 0;
        var skipped = 0;
        while (counted < businessDays)
        {
            date = date.AddDays(1);
            if (calendar.IsBusinessDay(date))
            {
                counted++;
                skipped = 0;
            }
            else if (++skipped > MaxNonBusinessDays)
            {
                throw Error.NoBusinessDays(calendar.GetType().FullName ?? calendar.GetType().Name);
            }
        }

        return date.ToDateTime(TimeOnly.FromDateTime(local));
    });

    private DateTimeOffset Shift(DateTimeOffset at, Func<DateTime, DateTime> change)
    {
        var local = TimeZoneInfo.ConvertTime(at, _zone);
        var shifted = change(local.DateTime);
        if (_zone.IsInvalidTime(shifted))
        {
            shifted = shifted.AddHours(1);
        }

        return new DateTimeOffset(shifted, _zone.GetUtcOffset(shifted));
    }
}
