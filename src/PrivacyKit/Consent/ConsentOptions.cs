namespace PrivacyKit.Consent;

/// <summary>Options of consent: the purposes registry and the decision cache.</summary>
public sealed class ConsentOptions
{
    /// <summary>Gets the registered purposes. Ids must be unique; they are validated at start-up.</summary>
    /// <value>Empty by default.</value>
    public IList<ConsentPurpose> Purposes { get; } = [];

    /// <summary>
    /// Gets or sets how long this instance reuses a consent decision. A change made on this instance
    /// takes effect at once; one made on another instance takes effect here within this time.
    /// <see cref="TimeSpan.Zero"/> disables caching.
    /// </summary>
    /// <value>Defaults to 30 seconds; at most 1 hour.</value>
    public TimeSpan DecisionCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the most subjects whose decisions are cached; when exceeded, the cache starts over.</summary>
    /// <value>Defaults to 100,000.</value>
    public int MaxCachedSubjects { get; set; } = 100_000;

    /// <summary>
    /// Gets or sets what an erasure request does with the subject's consent history after it has withdrawn
    /// every active consent. Either way the erasure certificate says what happened.
    /// </summary>
    /// <value>
    /// Defaults to <see cref="ConsentErasureEvidence.Retain"/>: the history is kept as proof of lawful
    /// processing (GDPR Art. 7(1)).
    /// </value>
    public ConsentErasureEvidence ErasureEvidence { get; set; } = ConsentErasureEvidence.Retain;

    /// <summary>Adds a purpose.</summary>
    /// <param name="purpose">The purpose.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="purpose"/> is <see langword="null"/>.</exception>
    public ConsentOptions AddPurpose(ConsentPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        Purposes.Add(purpose);
        return this;
    }
}
