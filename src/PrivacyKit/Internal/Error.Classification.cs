using PrivacyKit.Classification;
using PrivacyKit.Retention;

namespace PrivacyKit.Internal;

internal static partial class Error
{
    public static DataMapException DuplicateSubjectId(string entity, IReadOnlyList<string> properties) =>
        new($"{entity} marks more than one property with [DataSubjectId] ({string.Join(", ", properties)}); keep it on the one property that identifies the data subject.", entity, properties[1]);

    public static DataMapException SubjectIdMismatch(string entity, string? declared) =>
        new($"{entity}.SubjectIdProperty is '{declared}' but the fields marked as subject id do not match; set IsSubjectId on exactly that field.", entity, declared);

    public static DataMapException MultipleClassifications(string entity, string property) =>
        new($"{entity}.{property} carries more than one classification attribute; keep one ([PersonalData(...)] or [SensitiveData]).", entity, property);

    public static DataMapException UnclassifiedProtectedField(string entity, string property) =>
        new($"{entity}.{property} has [Encrypted], [BlindIndex], [Retention] or [Purpose] but no classification; add [PersonalData(...)] or [SensitiveData].", entity, property);

    public static DataMapException BlindIndexWithoutEncryption(string entity, string property) =>
        new($"{entity}.{property} has [BlindIndex] but not [Encrypted]; a blind index only makes sense beside an encrypted value.", entity, property);

    public static DataMapException EmptyPurposeAttribute(string entity, string? property) =>
        new($"{Where(entity, property)} has a [Purpose] with an empty purpose id; name a registered consent purpose.", entity, property);

    public static DataMapException MalformedRetentionPeriod(string entity, string? property, string detail) =>
        new($"{Where(entity, property)} has a malformed [Retention] period: {detail}", entity, property);

    public static DataMapException ZeroRetentionPeriod(string entity, string? property) =>
        new($"{Where(entity, property)} has a zero [Retention] period; give a positive ISO 8601 duration such as 'P30D'.", entity, property);

    public static DataMapException RetentionFromMissing(string entity, string? property) =>
        new($"{Where(entity, property)} has [Retention] without From; name the timestamp property the period counts from, e.g. From = nameof(ClosedAt).", entity, property);

    public static DataMapException RetentionFromInvalid(string entity, string? property, string from) =>
        new($"{Where(entity, property)} has [Retention(From = \"{from}\")] but {entity} has no DateTimeOffset, DateTime or DateOnly property named '{from}'.", entity, property);

    public static DataMapException FieldRetentionAction(string entity, string property, RetentionAction action) =>
        new($"{entity}.{property} has [Retention(Action = {action})] on a field; a field can only be anonymised. Put Delete or ShredKey on the entity.", entity, property);

    public static DataMapException DuplicateEntityName(string entity) =>
        new($"The data map already has an entity named '{entity}'; entity names must be unique (rename one, or use Update to refine it).", entity, null);

    public static DataMapException EntityNotInDataMap(string entity) =>
        new($"The data map has no entity named '{entity}'; add the type with AddDataMapEntities first.", entity, null);

    public static DataMapException FieldNotInDataMap(string entity, string property) =>
        new($"{entity}.{property} is not a personal field in the data map; classify it with [PersonalData(...)] or [SensitiveData] first.", entity, property);

    public static DataMapException DuplicateField(string entity, string property) =>
        new($"{entity} lists the field {property} more than once.", entity, property);

    public static DataMapException EntityNameMissing() =>
        new("A data map entity has no name; every entity needs a unique name.", null, null);

    public static DataMapException UnknownPurposeInDataMap(string entity, string? property, string purposeId) =>
        new($"{Where(entity, property)} names purpose '{purposeId}', which is not a registered consent purpose; register it with ConfigureConsent(o => o.AddPurpose(...)) or fix the [Purpose] attribute.", entity, property);

    private static string Where(string entity, string? property) => property is null ? entity : $"{entity}.{property}";
}
