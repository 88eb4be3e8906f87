using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Auditing;

/// <summary>
/// Which personal fields of an entity type make materialising it a recorded read: sensitive fields always, other
/// classifications when <see cref="EntityFrameworkAuditOptions"/> says so. Cached per entity type. Thread-safe.
/// </summary>
internal sealed class ReadAuditPolicy(EntityFrameworkAuditOptions options)
{
    private readonly ConcurrentDictionary<IReadOnlyEntityType, Audited?> _cache = new(ReferenceEqualityComparer.Instance);

    /// <summary>The entity's name and audited field names, or <see langword="null"/> when its reads are not audited.</summary>
    public Audited? For(IReadOnlyEntityType entityType) => _cache.GetOrAdd(entityType, Build);

    private Audited? Build(IReadOnlyEntityType entityType)
    {
        if (PrivacyEntityMetadata.For(entityType) is not { } metadata)
        {
            return null;
        }

        var fields = metadata.Properties
            .Where(p => !p.Field.IsSubjectId && IsAudited(p.Field))
            .Select(p => p.Name)
            .ToArray();
        return fields.Length == 0 ? null : new Audited(metadata, fields);
    }

    private bool IsAudited(DataMapField field) =>
        field.IsSensitive
        || (field.Classification.TaxonomyName == PrivacyClassifications.TaxonomyName
            && (options.AuditAllPersonalReads || options.AuditReadsOf.Contains(field.Classification.Value)));

    /// <summary>An entity type whose reads are audited.</summary>
    internal sealed record Audited(PrivacyEntityMetadata Metadata, IReadOnlyList<string> Fields);
}
