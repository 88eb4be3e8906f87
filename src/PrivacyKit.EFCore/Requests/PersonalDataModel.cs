using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.Requests;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.Requests;

/// <summary>
/// The personal-data view of a context's model checked against <see cref="EntityFrameworkPersonalDataOptions"/>:
/// every entity, strategy, replacement and restriction flag the options name must exist. Also reads and writes field
/// values the way exports and corrections need them.
/// </summary>
internal sealed class PersonalDataModel
{
    private readonly Dictionary<string, PrivacyEntityMetadata> _entities;
    private readonly string _sourceName;

    private PersonalDataModel(Dictionary<string, PrivacyEntityMetadata> entities, string sourceName)
    {
        _entities = entities;
        _sourceName = sourceName;
    }

    /// <summary>A checked field correction.</summary>
    public sealed record Correction(PrivacyEntityMetadata Metadata, PrivacyPropertyMetadata Field, object? Value);

    /// <exception cref="InvalidOperationException">The options name an entity or property the model lacks.</exception>
    public static PersonalDataModel Create(IModel model, EntityFrameworkPersonalDataOptions options, string sourceName)
    {
        var entities = new Dictionary<string, PrivacyEntityMetadata>(StringComparer.Ordinal);
        foreach (var entityType in model.GetEntityTypes())
        {
            if (PrivacyEntityMetadata.For(entityType) is { } metadata)
            {
                entities.TryAdd(metadata.Name, metadata);
            }
        }

        var result = new PersonalDataModel(entities, sourceName);
        foreach (var entity in options.ErasureStrategies.Keys)
        {
            result.Entity(entity, "Erase");
        }

        foreach (var ((entity, property), replacement) in options.Replacements)
        {
            var metadata = result.Entity(entity, "Anonymise");
            var field = Anonymiser.Fields(metadata).FirstOrDefault(f => string.Equals(f.Name, property, StringComparison.Ordinal))
                ?? throw Error.UnknownPropertyInOptions(sourceName, "Anonymise", entity, property, "it is not a personal field that anonymisation changes (keys, foreign keys and the subject id are kept)");
            var type = metadata.EntityType.FindProperty(property)?.ClrType ?? field.ClrProperty?.PropertyType;
            if (replacement is not null && type is not null && !(Nullable.GetUnderlyingType(type) ?? type).IsInstanceOfType(replacement))
            {
                throw Error.UnknownPropertyInOptions(sourceName, "Anonymise", entity, property, $"the replacement is a {replacement.GetType().Name}, the property a {Error.TypeName(type)}");
            }
        }

        foreach (var (entity, flag) in options.RestrictionFlags)
        {
            result.RestrictionFlagType(entity, flag);
        }

        return result;
    }

    /// <summary>The data category of an entity: that of its first personal field (camelCase, e.g. <c>contact</c>), or <c>related</c>.</summary>
    public static string Category(PrivacyEntityMetadata metadata) =>
        Anonymiser.Fields(metadata).FirstOrDefault() is { } field
            ? JsonNamingPolicy.CamelCase.ConvertName(field.Field.Classification.Value)
            : "related";

    /// <summary>Whether a restriction, objection or opt-out with the request's scope concerns the entity (an empty scope concerns all).</summary>
    public static bool InScope(PrivacyEntityMetadata metadata, PersonalDataSourceContext request)
    {
        if (request.Scope.Count == 0)
        {
            return true;
        }

        IEnumerable<string> names = request.Kind == SubjectRequestKind.Restriction
            ? Anonymiser.Fields(metadata).Select(f => JsonNamingPolicy.CamelCase.ConvertName(f.Field.Classification.Value))
            : metadata.Map.Purposes.Concat(metadata.Properties.SelectMany(p => p.Field.Purposes));
        return names.Intersect(request.Scope, StringComparer.OrdinalIgnoreCase).Any();
    }

    /// <summary>
    /// The exported fields of a tracked row: every mapped CLR property and every encrypted personal property (read
    /// from the CLR object, which holds plaintext), without shadow, ciphertext or blind-index properties.
    /// </summary>
    public static Dictionary<string, string?> ExportFields(DbContext context, object entity, PrivacyEntityMetadata metadata)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        AddFields(context.Entry(entity), metadata, "", fields);
        return fields;
    }

    /// <summary>Sets a field through EF when it is mapped, else on the CLR object (encrypted properties).</summary>
    public static void SetValue(EntityEntry entry, object entity, PrivacyPropertyMetadata field, object? value)
    {
        if (entry.Metadata.FindProperty(field.Name) is not null)
        {
            entry.Property(field.Name).CurrentValue = value;
        }
        else
        {
            field.ClrProperty?.SetValue(entity, value);
        }
    }

    public static object RestrictionValue(Type flagType, DateTimeOffset now)
    {
        var type = Nullable.GetUnderlyingType(flagType) ?? flagType;
        return type == typeof(bool) ? true : type == typeof(DateTime) ? now.UtcDateTime : now;
    }

    /// <summary>The owned entities of a tracked entry (owned references and owned collections), with their metadata.</summary>
    public static IEnumerable<(EntityEntry Entry, string Path, PrivacyEntityMetadata? Metadata)> Owned(EntityEntry entry)
    {
        foreach (var navigation in entry.Navigations)
        {
            if (navigation.Metadata is not INavigation { TargetEntityType: { } target } nav || !target.IsOwned() || nav.IsOnDependent)
            {
                continue;
            }

            var metadata = PrivacyEntityMetadata.For(target);
            if (navigation is ReferenceEntry { TargetEntry: { } owned })
            {
                yield return (owned, nav.Name, metadata);
            }
            else if (navigation is CollectionEntry { CurrentValue: { } items })
            {
                var i = 0;
                foreach (var item in items)
                {
                    yield return (entry.Context.Entry(item), $"{nav.Name}[{i++}]", metadata);
                }
            }
        }
    }

    /// <summary>Checks every correction naming an entity of this model and converts its value; corrections for other entities are left out.</summary>
    /// <exception cref="RectificationException">A field is unknown, not personal, or its value does not convert. Nothing is checked half-way: the first bad correction throws.</exception>
    public List<Correction> ParseCorrections(IReadOnlyList<FieldCorrection> corrections)
    {
        var parsed = new List<Correction>();
        foreach (var correction in corrections)
        {
            ArgumentNullException.ThrowIfNull(correction, nameof(corrections));
            if (!_entities.TryGetValue(correction.EntityType, out var metadata))
            {
                continue;
            }

            var personal = Anonymiser.Fields(metadata).ToList();
            var field = personal.FirstOrDefault(f => string.Equals(f.Name, correction.Field, StringComparison.Ordinal));
            if (field is null)
            {
                var exists = metadata.EntityType.FindProperty(correction.Field) is not null
                    || metadata.EntityType.ClrType.GetProperty(correction.Field) is not null;
                throw exists
                    ? Error.NotPersonal(metadata.Name, correction.Field, personal.Select(p => p.Name))
                    : Error.UnknownField(metadata.Name, correction.Field, personal.Select(p => p.Name));
            }

            var type = metadata.EntityType.FindProperty(field.Name)?.ClrType ?? field.ClrProperty?.PropertyType ?? typeof(string);
            if (!ValueText.TryParse(correction.NewValue, type, out var value))
            {
                throw Error.UnconvertibleValue(metadata.Name, field.Name, type);
            }

            parsed.Add(new Correction(metadata, field, value));
        }

        return parsed;
    }

    private static void AddFields(EntityEntry entry, PrivacyEntityMetadata? metadata, string prefix, Dictionary<string, string?> fields)
    {
        foreach (var property in entry.Metadata.GetProperties())
        {
            if (property.IsShadowProperty()
                || property.FindAnnotation(PrivacyKitAnnotationNames.CiphertextFor) is not null
                || property.FindAnnotation(PrivacyKitAnnotationNames.BlindIndexFor) is not null)
            {
                continue;
            }

            fields[prefix + property.Name] = ValueText.Format(entry.Property(property.Name).CurrentValue);
        }

        foreach (var field in metadata?.Properties ?? [])
        {
            if (!fields.ContainsKey(prefix + field.Name) && field.ClrProperty is { } clr)
            {
                fields[prefix + field.Name] = ValueText.Format(clr.GetValue(entry.Entity));
            }
        }

        foreach (var (owned, path, ownedMetadata) in Owned(entry))
        {
            AddFields(owned, ownedMetadata, prefix + path + ".", fields);
        }
    }

    /// <exception cref="InvalidOperationException">The entity or its flag property is missing, or the flag is not a bool or a timestamp.</exception>
    public Type RestrictionFlagType(string entity, string flag)
    {
        var metadata = Entity(entity, "RestrictWith");
        var property = metadata.EntityType.FindProperty(flag)
            ?? throw Error.UnknownPropertyInOptions(_sourceName, "RestrictWith", entity, flag, "the entity has no mapped property of that name");
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        return type == typeof(bool) || type == typeof(DateTimeOffset) || type == typeof(DateTime)
            ? property.ClrType
            : throw Error.UnknownPropertyInOptions(_sourceName, "RestrictWith", entity, flag, $"a restriction flag must be a bool, DateTimeOffset or DateTime, not {Error.TypeName(property.ClrType)}");
    }

    private PrivacyEntityMetadata Entity(string name, string option) =>
        _entities.TryGetValue(name, out var metadata) ? metadata : throw Error.UnknownEntityInOptions(_sourceName, option, name, _entities.Keys.Order(StringComparer.Ordinal));
}
