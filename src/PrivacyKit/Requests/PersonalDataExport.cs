namespace PrivacyKit.Requests;

/// <summary>What one source exports for an access or portability request.</summary>
public sealed record PersonalDataExport
{
    /// <summary>Gets the source's name. Set by the executor from <see cref="IPersonalDataSource.Name"/>; sources may leave it empty.</summary>
    public string Source { get; init; } = "";

    /// <summary>Gets the records of the subject's data.</summary>
    public IReadOnlyList<PersonalDataRecord> Records { get; init; } = [];

    /// <summary>Gets the purposes the source processes the data for (GDPR Art. 15(1)(a)).</summary>
    public IReadOnlyList<string> Purposes { get; init; } = [];

    /// <summary>Gets the recipients or categories of recipients the data is disclosed to (GDPR Art. 15(1)(c)).</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];
}
