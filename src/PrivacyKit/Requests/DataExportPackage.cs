namespace PrivacyKit.Requests;

/// <summary>
/// The answer to an access or portability request: every source's export in one machine-readable
/// JSON document (schema <see cref="Schema"/>, documented in docs/subject-requests.md) and a
/// human-readable summary. It contains the subject's personal data: hand it only to the verified subject.
/// </summary>
public sealed class DataExportPackage
{
    /// <summary>The schema identifier written into the JSON document.</summary>
    public const string Schema = "privacykit.subject-data-export/1";

    internal DataExportPackage(SubjectRequest request, DateTimeOffset generatedAt, IReadOnlyList<PersonalDataExport> sources)
    {
        Request = request;
        GeneratedAt = generatedAt;
        Sources = sources;
        Records = [.. sources.SelectMany(s => s.Records.Where(r => !IsConsent(r)))];
        ConsentHistory = [.. sources.SelectMany(s => s.Records.Where(IsConsent))];
        Purposes = Distinct(sources.SelectMany(s => s.Purposes));
        Recipients = Distinct(sources.SelectMany(s => s.Recipients));
        Categories =
        [
            .. sources
                .SelectMany(s => s.Records.Select(r => (Source: s.Source, Record: r)))
                .GroupBy(x => x.Record.Category, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new DataExportCategory
                {
                    Name = g.Key,
                    Fields = Distinct(g.SelectMany(x => x.Record.Fields.Keys.Select(f => $"{x.Record.EntityType}.{f}"))),
                    Sources = Distinct(g.Select(x => x.Source)),
                }),
        ];
    }

    /// <summary>Gets the request this package answers.</summary>
    public SubjectRequest Request { get; }

    /// <summary>Gets when the package was put together.</summary>
    public DateTimeOffset GeneratedAt { get; }

    /// <summary>Gets each source's export, in the order the sources are registered.</summary>
    public IReadOnlyList<PersonalDataExport> Sources { get; }

    /// <summary>Gets the records of every source except consent history.</summary>
    public IReadOnlyList<PersonalDataRecord> Records { get; }

    /// <summary>Gets the records of category <see cref="PersonalDataRecord.ConsentCategory"/>: the subject's consent history.</summary>
    public IReadOnlyList<PersonalDataRecord> ConsentHistory { get; }

    /// <summary>Gets the categories of data held, with their fields and sources.</summary>
    public IReadOnlyList<DataExportCategory> Categories { get; }

    /// <summary>Gets the processing purposes of every source, without duplicates, sorted.</summary>
    public IReadOnlyList<string> Purposes { get; }

    /// <summary>Gets the recipients of every source, without duplicates, sorted.</summary>
    public IReadOnlyList<string> Recipients { get; }

    /// <summary>Returns the package as an indented JSON document.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => RequestDocumentWriter.ToJson(writer => RequestDocumentWriter.WritePackage(writer, this));

    /// <summary>Writes the package as a UTF-8 JSON document to a stream.</summary>
    /// <param name="utf8Json">The stream to write to; it is left open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public Task WriteJsonAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return RequestDocumentWriter.WriteJsonAsync(utf8Json, writer => RequestDocumentWriter.WritePackage(writer, this), cancellationToken);
    }

    /// <summary>Returns a human-readable summary of the package in Markdown, values included.</summary>
    /// <returns>The summary text.</returns>
    public string ToSummary() => RequestDocumentWriter.PackageSummary(this);

    /// <summary>Returns the request id and record count, never values.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"DataExportPackage {Request.Id}: {Records.Count} records, {ConsentHistory.Count} consent records";

    private static bool IsConsent(PersonalDataRecord record) =>
        string.Equals(record.Category, PersonalDataRecord.ConsentCategory, StringComparison.Ordinal);

    private static string[] Distinct(IEnumerable<string> values) =>
        [.. values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
