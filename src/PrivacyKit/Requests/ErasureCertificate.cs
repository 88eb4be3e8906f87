namespace PrivacyKit.Requests;

/// <summary>
/// The proof that an erasure request was carried out: what each source deleted, anonymised or
/// shredded, and what was retained and why (a legal hold, a statutory retention period). It holds no
/// personal values, only the subject's identifier, entity types, field names and counts. JSON schema
/// <see cref="Schema"/>, documented in docs/subject-requests.md.
/// </summary>
public sealed class ErasureCertificate
{
    /// <summary>The schema identifier written into the JSON document.</summary>
    public const string Schema = "privacykit.erasure-certificate/1";

    internal ErasureCertificate(SubjectRequest request, DateTimeOffset issuedAt, IReadOnlyList<string> sources, IReadOnlyList<PersonalDataChange> entries)
    {
        Request = request;
        IssuedAt = issuedAt;
        SourceNames = sources;
        Entries = entries;
    }

    /// <summary>Gets the request this certificate answers.</summary>
    public SubjectRequest Request { get; }

    /// <summary>Gets when the certificate was issued.</summary>
    public DateTimeOffset IssuedAt { get; }

    /// <summary>Gets the names of every source that was asked, including those that held nothing.</summary>
    public IReadOnlyList<string> SourceNames { get; }

    /// <summary>Gets every entry, per source and entity type.</summary>
    public IReadOnlyList<PersonalDataChange> Entries { get; }

    /// <summary>Gets the entries whose data was deleted.</summary>
    public IReadOnlyList<PersonalDataChange> Deleted => Of(PersonalDataAction.Deleted);

    /// <summary>Gets the entries whose data was anonymised.</summary>
    public IReadOnlyList<PersonalDataChange> Anonymised => Of(PersonalDataAction.Anonymised);

    /// <summary>Gets the entries whose data was crypto-shredded.</summary>
    public IReadOnlyList<PersonalDataChange> Shredded => Of(PersonalDataAction.Shredded);

    /// <summary>Gets the entries whose data was retained, each with its reason.</summary>
    public IReadOnlyList<PersonalDataChange> Retained => Of(PersonalDataAction.Retained);

    /// <summary>Gets a value indicating whether everything found was erased (nothing retained).</summary>
    public bool IsComplete => Retained.Count == 0;

    /// <summary>Returns the certificate as an indented JSON document.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => RequestDocumentWriter.ToJson(writer => RequestDocumentWriter.WriteCertificate(writer, this));

    /// <summary>Writes the certificate as a UTF-8 JSON document to a stream.</summary>
    /// <param name="utf8Json">The stream to write to; it is left open.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the document is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    public Task WriteJsonAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return RequestDocumentWriter.WriteJsonAsync(utf8Json, writer => RequestDocumentWriter.WriteCertificate(writer, this), cancellationToken);
    }

    /// <summary>Returns a human-readable summary of the certificate in Markdown.</summary>
    /// <returns>The summary text.</returns>
    public string ToSummary() => RequestDocumentWriter.CertificateSummary(this);

    /// <summary>Returns the request id and counts.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"ErasureCertificate {Request.Id}: {Entries.Count} entries, {Retained.Count} retained";

    private PersonalDataChange[] Of(PersonalDataAction action) => [.. Entries.Where(e => e.Action == action)];
}
