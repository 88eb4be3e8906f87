using PrivacyKit.EFCore.Requests;

namespace PrivacyKit.EFCore.Internal;

/// <summary>Exception factory of PrivacyKit.EFCore: consistent messages that say what to fix and where, never a personal value.</summary>
internal static partial class Error
{
    internal static RectificationException UnknownField(string entityType, string field, IEnumerable<string> personalFields) =>
        new($"Entity '{entityType}' has no property '{field}' to rectify. Personal fields that can be rectified: {Join(personalFields)}.")
        {
            EntityType = entityType,
            Field = field,
        };

    internal static RectificationException NotPersonal(string entityType, string field, IEnumerable<string> personalFields) =>
        new($"Property '{entityType}.{field}' is not a personal field (or it identifies the data subject) and cannot be rectified through a data subject request. Personal fields: {Join(personalFields)}.")
        {
            EntityType = entityType,
            Field = field,
        };

    internal static RectificationException UnconvertibleValue(string entityType, string field, Type type) =>
        new($"The corrected value for '{entityType}.{field}' does not convert to {TypeName(type)}; give it in invariant culture (ISO 8601 for dates).")
        {
            EntityType = entityType,
            Field = field,
        };

    internal static RectificationException AmbiguousCorrection(string entityType, string field, int rowCount) =>
        new($"The subject has {rowCount} rows of '{entityType}' and a field correction names no record, so '{entityType}.{field}' cannot be rectified through a data subject request; correct that row in the application. Nothing was changed.")
        {
            EntityType = entityType,
            Field = field,
        };

    internal static InvalidOperationException UnknownEntityInOptions(string sourceName, string option, string entityType, IEnumerable<string> known) =>
        new($"EntityFrameworkPersonalDataOptions of source '{sourceName}' names entity '{entityType}' in {option}, but the model has no such entity. Entities: {Join(known)}.");

    internal static InvalidOperationException UnknownPropertyInOptions(string sourceName, string option, string entityType, string property, string requirement) =>
        new($"EntityFrameworkPersonalDataOptions of source '{sourceName}' names '{entityType}.{property}' in {option}: {requirement}.");

    internal static InvalidOperationException KeyManagerMissing(string sourceName, string entityType) =>
        new($"Source '{sourceName}' must shred data keys for '{entityType}' (ErasureStrategy.ShredKey) but no IDataKeyManager is registered; add a key-encryption key to AddPrivacyKit or choose another strategy.");

    internal static InvalidOperationException RetentionTimestampNotMapped(string entityType, string property) =>
        new($"A retention rule of '{entityType}' counts from '{property}', but the model maps no property of that name on the entity; map it or correct the rule's From.");

    internal static string TypeName(Type type) => Nullable.GetUnderlyingType(type) is { } underlying ? underlying.Name + "?" : type.Name;

    private static string Join(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "(none)" : string.Join(", ", list);
    }
}
