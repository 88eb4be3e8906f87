namespace PrivacyKit.EFCore.Requests;

/// <summary>
/// How data subject requests and retention act on the rows of one DbContext: the source name, the batch size, the
/// erasure strategy per entity type, anonymisation replacements and restriction flags. Entity types are named as in
/// the data map (the CLR type name unless the model gives another stable name).
/// </summary>
public sealed class EntityFrameworkPersonalDataOptions
{
    private readonly Dictionary<string, ErasureStrategy> _strategies = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Entity, string Property), object?> _replacements = [];
    private readonly Dictionary<string, string> _restrictionFlags = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the source's stable name; it keys the request execution records, so never change it once used.</summary>
    /// <value><see langword="null"/> by default, which means <c>efcore:{context type name}</c>.</value>
    public string? SourceName { get; set; }

    /// <summary>Gets or sets how many rows are loaded, changed and saved together.</summary>
    /// <value>500 by default; between 1 and 10,000.</value>
    public int BatchSize { get; set; } = 500;

    /// <summary>Gets or sets the erasure strategy of entity types that have none of their own.</summary>
    /// <value><see cref="ErasureStrategy.Delete"/> by default.</value>
    public ErasureStrategy DefaultErasure { get; set; } = ErasureStrategy.Delete;

    /// <summary>Gets the recipients (or categories of recipients) the data of this context is disclosed to, reported in exports.</summary>
    /// <value>Empty by default.</value>
    public IList<string> Recipients { get; } = [];

    /// <summary>Gets the erasure strategies configured per entity type.</summary>
    public IReadOnlyDictionary<string, ErasureStrategy> ErasureStrategies => _strategies;

    /// <summary>Gets the restriction flag property configured per entity type.</summary>
    public IReadOnlyDictionary<string, string> RestrictionFlags => _restrictionFlags;

    internal IReadOnlyDictionary<(string Entity, string Property), object?> Replacements => _replacements;

    /// <summary>Sets how the rows of an entity type are erased.</summary>
    /// <param name="entityType">The entity name, e.g. <c>Customer</c>.</param>
    /// <param name="strategy">The strategy.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="strategy"/> is not defined.</exception>
    public EntityFrameworkPersonalDataOptions Erase(string entityType, ErasureStrategy strategy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Not an ErasureStrategy.");
        }

        _strategies[entityType] = strategy;
        return this;
    }

    /// <summary>
    /// Sets the fixed value a personal field takes when its row is anonymised (by erasure or retention), instead of
    /// <see langword="null"/>. The value must not identify anyone, e.g. <c>"erased"</c>. Encrypted fields of a
    /// <see cref="ErasureStrategy.ShredKey"/> erasure always become <see langword="null"/>.
    /// </summary>
    /// <param name="entityType">The entity name.</param>
    /// <param name="property">The CLR property name of a personal field.</param>
    /// <param name="replacement">The replacement; its type must be the property's type.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> or <paramref name="property"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="property"/> is empty.</exception>
    public EntityFrameworkPersonalDataOptions Anonymise(string entityType, string property, object? replacement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(property);
        _replacements[(entityType, property)] = replacement;
        return this;
    }

    /// <summary>
    /// Names the property that marks a row as restricted: a <see cref="bool"/> set to <see langword="true"/>, or a
    /// <see cref="DateTimeOffset"/>/<see cref="DateTime"/> set to the time of the restriction. PrivacyKit sets it for
    /// restriction, objection and opt-out requests; the application's queries (a global query filter) honour it.
    /// </summary>
    /// <param name="entityType">The entity name.</param>
    /// <param name="flagProperty">The flag's property name (a mapped property, CLR or shadow).</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="entityType"/> or <paramref name="flagProperty"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="entityType"/> or <paramref name="flagProperty"/> is empty.</exception>
    public EntityFrameworkPersonalDataOptions RestrictWith(string entityType, string flagProperty)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentException.ThrowIfNullOrWhiteSpace(flagProperty);
        _restrictionFlags[entityType] = flagProperty;
        return this;
    }

    internal ErasureStrategy StrategyFor(string entityType) =>
        _strategies.TryGetValue(entityType, out var strategy) ? strategy : DefaultErasure;
}
