using PrivacyKit.Classification;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>Options of PrivacyKit's EF Core change and read auditing.</summary>
public sealed class EntityFrameworkAuditOptions
{
    /// <summary>Gets or sets a value indicating whether saving entities with personal data is audited.</summary>
    /// <value><see langword="true"/> by default.</value>
    public bool AuditChanges { get; set; } = true;

    /// <summary>
    /// Gets or sets the id of the chain that records written inside the application's transactions (EF audit store)
    /// belong to. Concurrent contexts of one chain are serialised by a head row in the database.
    /// </summary>
    /// <value><see langword="null"/> (the default) uses <c>{PrivacyKitOptions.InstanceId}:ef</c>.</value>
    public string? TransactionChainId { get; set; }

    /// <summary>
    /// Gets the classifications (names of <see cref="PrivacyClassifications"/>, e.g. <c>Contact</c>) whose reads are
    /// audited in addition to <c>Sensitive</c>, which is always audited.
    /// </summary>
    /// <value>Empty by default: only reads of sensitive data are recorded.</value>
    public ISet<string> AuditReadsOf { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets or sets a value indicating whether reads of every personal classification are audited.</summary>
    /// <value><see langword="false"/> by default.</value>
    public bool AuditAllPersonalReads { get; set; }
}
