using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.Classification;

namespace PrivacyKit.EFCore.Metadata;

/// <summary>
/// What PrivacyKit knows about one entity type: its stable name, its data-subject id and its personal properties,
/// with the EF properties that store their ciphertext and blind index. Built from the classification attributes on
/// the CLR type (through the core's data-map reader) and the annotations in <see cref="PrivacyKitAnnotationNames"/>;
/// cached per entity type. Thread-safe.
/// </summary>
internal sealed class PrivacyEntityMetadata
{
    private static readonly ConcurrentDictionary<IReadOnlyEntityType, PrivacyEntityMetadata> Cache = new(ReferenceEqualityComparer.Instance);

    private PrivacyEntityMetadata(IReadOnlyEntityType entityType, DataMapEntity map)
    {
        EntityType = entityType;
        Map = map;
        Name = entityType.FindAnnotation(PrivacyKitAnnotationNames.EntityName)?.Value as string ?? map.Name;
        SubjectIdProperty = map.SubjectIdProperty;
        Properties = [.. map.Fields
            .Select(f => new PrivacyPropertyMetadata(
                f,
                entityType.ClrType.GetProperty(f.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance),
                FindByAnnotation(entityType, PrivacyKitAnnotationNames.CiphertextFor, f.Name),
                FindByAnnotation(entityType, PrivacyKitAnnotationNames.BlindIndexFor, f.Name)))];
    }

    /// <summary>The EF entity type.</summary>
    public IReadOnlyEntityType EntityType { get; }

    /// <summary>The core's data-map view of the CLR type (classification, protection, purposes, retention).</summary>
    public DataMapEntity Map { get; }

    /// <summary>Stable entity name for associated data and audit events.</summary>
    public string Name { get; }

    /// <summary>Name of the CLR property marked <see cref="DataSubjectIdAttribute"/>, if any.</summary>
    public string? SubjectIdProperty { get; }

    /// <summary>Every classified property of the type (personal data and the subject id).</summary>
    public IReadOnlyList<PrivacyPropertyMetadata> Properties { get; }

    /// <summary>Whether any property is encrypted or blind-indexed.</summary>
    public bool HasProtectedProperties => Properties.Any(p => p.Field.Protection != FieldProtection.Clear);

    /// <summary>Whether the type carries personal data at all.</summary>
    public bool HasPersonalData => Properties.Count > 0 || SubjectIdProperty is not null;

    /// <summary>Finds the metadata of a classified property by CLR name, or <see langword="null"/>.</summary>
    public PrivacyPropertyMetadata? Find(string propertyName) =>
        Properties.FirstOrDefault(p => string.Equals(p.Name, propertyName, StringComparison.Ordinal));

    /// <summary>Reads the data-subject id of an entity instance (through the CLR property), or <see langword="null"/>.</summary>
    public object? GetSubjectId(object entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return SubjectIdProperty is null ? null : Find(SubjectIdProperty)?.ClrProperty?.GetValue(entity);
    }

    /// <summary>Formats a subject id the same way everywhere (invariant culture; GUIDs in "D" form).</summary>
    public static string FormatSubjectId(object subjectId) => subjectId switch
    {
        string s => s,
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => subjectId.ToString() ?? string.Empty,
    };

    /// <summary>Gets (and caches) the metadata of an entity type; <see langword="null"/> for shared-type or shadow-only entity types.</summary>
    public static PrivacyEntityMetadata? For(IReadOnlyEntityType entityType)
    {
        ArgumentNullException.ThrowIfNull(entityType);
        if (entityType.HasSharedClrType || entityType.ClrType == typeof(Dictionary<string, object>))
        {
            return null;
        }

        return Cache.GetOrAdd(entityType, static t => new PrivacyEntityMetadata(t, new DataMapBuilder().Add(t.ClrType).Build().Entities[0]));
    }

    private static string? FindByAnnotation(IReadOnlyEntityType entityType, string annotation, string clrName) =>
        entityType.GetProperties()
            .FirstOrDefault(p => string.Equals(p.FindAnnotation(annotation)?.Value as string, clrName, StringComparison.Ordinal))
            ?.Name;
}
