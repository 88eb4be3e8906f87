namespace PrivacyKit.Requests;

/// <summary>Options of the data subject request workflow. Validated at start-up.</summary>
public sealed class SubjectRequestOptions
{
    /// <summary>
    /// Gets or sets the IANA or Windows id of the time zone in which calendar days, months and
    /// business days are counted (the organisation's legal seat).
    /// </summary>
    /// <value>Defaults to <c>"UTC"</c>. Must be a time zone this machine knows.</value>
    public string TimeZoneId { get; set; } = "UTC";

    /// <summary>Gets or sets the number of days within which a PIPL request must be answered.</summary>
    /// <value>Defaults to 15. From 1 to 90.</value>
    public int PiplResponseDays { get; set; } = 15;

    /// <summary>Gets or sets how many days a PIPL request may be extended by; 0 allows no extension.</summary>
    /// <value>Defaults to 15. From 0 to 90.</value>
    public int PiplExtensionDays { get; set; } = 15;

    /// <summary>
    /// Gets the public holidays that are not business days, in addition to Saturdays and Sundays,
    /// for the default <see cref="IHolidayCalendar"/>. Register your own calendar to replace the rule.
    /// </summary>
    /// <value>Empty by default.</value>
    public ISet<DateOnly> Holidays { get; } = new HashSet<DateOnly>();

    /// <summary>Gets or sets how far ahead <see cref="ISubjectRequestReports.GetDueSoonAsync"/> looks by default.</summary>
    /// <value>Defaults to 7 days. From 1 hour to 90 days.</value>
    public TimeSpan DueSoonWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Gets or sets the role an actor must hold to verify the identity of a requester who did not
    /// use self-service (e-mail, phone, post, agent) with the default <see cref="ISubjectIdentityVerifier"/>.
    /// </summary>
    /// <value>Defaults to <c>"privacy-operator"</c>. Must not be empty.</value>
    public string OperatorRole { get; set; } = "privacy-operator";

    /// <summary>
    /// Gets or sets how long one instance holds a request while executing it; another instance may
    /// take over an execution whose holder stopped after this time.
    /// </summary>
    /// <value>Defaults to 10 minutes. From 10 seconds to 1 day.</value>
    public TimeSpan ExecutionLeaseDuration { get; set; } = TimeSpan.FromMinutes(10);
}
