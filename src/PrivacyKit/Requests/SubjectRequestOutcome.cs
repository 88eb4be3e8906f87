namespace PrivacyKit.Requests;

/// <summary>What executing a data subject request produced.</summary>
public sealed record SubjectRequestOutcome
{
    /// <summary>Gets the request as it stands after execution (completed).</summary>
    public required SubjectRequest Request { get; init; }

    /// <summary>Gets the export package of an access or portability request; otherwise <see langword="null"/>.</summary>
    public DataExportPackage? Package { get; init; }

    /// <summary>Gets the certificate of an erasure request; otherwise <see langword="null"/>.</summary>
    public ErasureCertificate? Certificate { get; init; }

    /// <summary>Gets what every source did (erasure, rectification, restriction, objection, opt-out); empty for exports.</summary>
    public IReadOnlyList<PersonalDataChange> Changes { get; init; } = [];

    /// <summary>Gets the execution record of every source.</summary>
    public IReadOnlyList<SourceExecutionRecord> Sources { get; init; } = [];
}
