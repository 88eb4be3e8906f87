namespace PrivacyKit.Classification;

/// <summary>
/// The record of processing (GDPR Art. 30): every entity holding personal data, with its fields'
/// classification, purposes, protection, retention and link to the data subject. Build it with
/// <see cref="DataMapBuilder"/> or get the application's from <see cref="IDataMapProvider"/>.
/// </summary>
public sealed class DataMap
{
    /// <summary>The version of the JSON schema written by <see cref="ToJson"/> (see docs/data-map.md).</summary>
    public const int SchemaVersion = 1;

    private IReadOnlyList<PostureFinding>? _findings;

    internal DataMap(IReadOnlyList<DataMapEntity> entities)
    {
        Entities = entities;
    }

    /// <summary>Gets the entities, ordered by name.</summary>
    public IReadOnlyList<DataMapEntity> Entities { get; }

    /// <summary>Returns the entity with the given name.</summary>
    /// <param name="name">The entity name.</param>
    /// <returns>The entity, or <see langword="null"/> when the map has none of that name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public DataMapEntity? FindEntity(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Entities.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.Ordinal));
    }

    /// <summary>
    /// Checks the map's posture: sensitive data stored in clear, personal data with no retention, an
    /// entity with personal data and no subject link, a blind index on a low-cardinality field.
    /// </summary>
    /// <returns>The findings, most severe first, then by entity and property.</returns>
    public IReadOnlyList<PostureFinding> CheckPosture() => _findings ??= PostureCheck.Run(this);

    /// <summary>Writes the map and its posture findings as indented JSON (schema in docs/data-map.md).</summary>
    /// <returns>The JSON text, with <c>\n</c> line endings.</returns>
    public string ToJson() => DataMapJsonWriter.Write(this);

    /// <summary>Writes the map and its posture findings as a Markdown document for a data protection officer.</summary>
    /// <returns>The Markdown text, with <c>\n</c> line endings.</returns>
    public string ToMarkdown() => DataMapMarkdownWriter.Write(this);
}
