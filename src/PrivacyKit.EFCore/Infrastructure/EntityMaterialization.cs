using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.EFCore.Auditing;
using PrivacyKit.EFCore.Encryption;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Infrastructure;

/// <summary>
/// What PrivacyKit does with every initialised entity of a type with personal data, however EF Core hands it over:
/// decrypt its ciphertext columns into its CLR properties, apply field access (masking), then note the read for the
/// context's read audit. The stored values are the subject id followed by each protected property's ciphertext, in
/// the order of <see cref="ProtectedEntity.Properties"/> (see <see cref="StoredProperties"/>). Thread-safe.
/// </summary>
internal static class EntityMaterialization
{
    private static readonly ConcurrentDictionary<IReadOnlyEntityType, IReadOnlyProperty?[]> Stored = new(ReferenceEqualityComparer.Instance);

    /// <summary>Whether materialising the type needs PrivacyKit: it has protected, maskable or personal fields.</summary>
    public static bool Applies(IReadOnlyEntityType entityType) =>
        !ProtectedEntity.For(entityType).IsEmpty || PrivacyEntityMetadata.For(entityType) is { Properties.Count: > 0 };

    /// <summary>
    /// The EF properties whose stored values <see cref="Initialized"/> needs, in order: the subject id (or
    /// <see langword="null"/> when the type has none), then each protected property's ciphertext. Empty when the type
    /// has no encrypted property.
    /// </summary>
    public static IReadOnlyProperty?[] StoredProperties(IReadOnlyEntityType entityType) =>
        Stored.GetOrAdd(entityType, BuildStoredProperties);

    private static IReadOnlyProperty?[] BuildStoredProperties(IReadOnlyEntityType entityType)
    {
        var plan = ProtectedEntity.For(entityType);
        if (plan.Properties.Count == 0)
        {
            return [];
        }

        var stored = new IReadOnlyProperty?[plan.Properties.Count + 1];
        stored[0] = plan.SubjectProperty is null ? null : plan.SubjectMetadata ?? entityType.FindProperty(plan.SubjectProperty);
        for (var i = 0; i < plan.Properties.Count; i++)
        {
            var ciphertext = plan.Properties[i].Ciphertext;
            stored[i + 1] = entityType.FindProperty(ciphertext.Name) ?? ciphertext;
        }

        return stored;
    }

    /// <summary>Handles one initialised entity (after EF has set its mapped CLR properties, before tracking).</summary>
    /// <param name="context">The materialising context.</param>
    /// <param name="entityType">The entity's type.</param>
    /// <param name="entity">The entity.</param>
    /// <param name="stored">The values of <see cref="StoredProperties"/> for this row.</param>
    public static void Initialized(DbContext context, IReadOnlyEntityType entityType, object entity, object?[] stored)
    {
        DecryptingMaterialization.Apply(context, ProtectedEntity.For(entityType), entity, stored);
        ContextInterceptors<ReadAuditInterceptor>.Find(context)?.Materialized(context, entityType, entity);
    }
}
