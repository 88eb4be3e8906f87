using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Requests;

/// <summary>
/// Replaces personal fields of a tracked row by <see langword="null"/> (or the type's empty value when the column is
/// required) or a configured replacement, and always clears the ciphertext and blind-index shadow properties. Keys,
/// foreign keys and the subject id are left alone so the row stays linked. Used by erasure and retention.
/// </summary>
internal static class Anonymiser
{
    /// <summary>The personal fields anonymisation changes: every classified field except the subject id, keys and foreign keys.</summary>
    public static IEnumerable<PrivacyPropertyMetadata> Fields(PrivacyEntityMetadata metadata) =>
        metadata.Properties.Where(p => !p.Field.IsSubjectId && !IsKeyOrForeignKey(metadata.EntityType.FindProperty(p.Name)));

    /// <summary>Anonymises every personal field of a tracked entity and of the entities it owns; returns whether a stored value changed.</summary>
    public static bool ApplyAll(DbContext context, object entity, PrivacyEntityMetadata metadata, EntityFrameworkPersonalDataOptions options, bool encryptedToNull)
    {
        var changed = Apply(context, entity, metadata, Fields(metadata), options, encryptedToNull);
        foreach (var (owned, _, ownedMetadata) in PersonalDataModel.Owned(context.Entry(entity)))
        {
            if (ownedMetadata is not null)
            {
                changed |= ApplyAll(context, owned.Entity, ownedMetadata, options, encryptedToNull);
            }
        }

        return changed;
    }

    /// <summary>Anonymises the given fields of a tracked entity; returns whether a stored value changed.</summary>
    public static bool Apply(
        DbContext context,
        object entity,
        PrivacyEntityMetadata metadata,
        IEnumerable<PrivacyPropertyMetadata> fields,
        EntityFrameworkPersonalDataOptions options,
        bool encryptedToNull)
    {
        var entry = context.Entry(entity);
        foreach (var field in fields)
        {
            var mapped = entry.Metadata.FindProperty(field.Name);
            var type = mapped?.ClrType ?? field.ClrProperty?.PropertyType ?? typeof(object);
            var value = !(encryptedToNull && field.IsEncrypted) && options.Replacements.TryGetValue((metadata.Name, field.Name), out var replacement)
                ? replacement
                : Empty(type, mapped);
            if (mapped is not null)
            {
                entry.Property(field.Name).CurrentValue = value;
            }
            else
            {
                field.ClrProperty?.SetValue(entity, value);
            }

            Clear(entry, field.CiphertextProperty);
            Clear(entry, field.BlindIndexProperty);
        }

        context.ChangeTracker.DetectChanges();
        return entry.State == EntityState.Modified || PersonalDataModel.Owned(entry).Any(o => o.Entry.State == EntityState.Modified);
    }

    private static bool IsKeyOrForeignKey(IReadOnlyProperty? property) => property is not null && (property.IsKey() || property.IsForeignKey());

    private static void Clear(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, string? shadowName)
    {
        if (shadowName is not null && entry.Metadata.FindProperty(shadowName) is { } property)
        {
            entry.Property(shadowName).CurrentValue = Empty(property.ClrType, property);
        }
    }

    private static object? Empty(Type type, IReadOnlyProperty? mapped)
    {
        if (mapped is null ? !type.IsValueType || Nullable.GetUnderlyingType(type) is not null : mapped.IsNullable)
        {
            return null;
        }

        return type == typeof(string) ? string.Empty
            : type == typeof(byte[]) ? Array.Empty<byte>()
            : type.IsValueType ? Activator.CreateInstance(type)
            : null;
    }
}
