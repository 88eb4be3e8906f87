using PrivacyKit.EFCore.Encryption;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Query;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Internal;

/// <summary>The exceptions of PrivacyKit.EFCore, in one place so messages stay consistent. Never a personal value in a message.</summary>
internal static partial class Error
{
    public static PrivacyKitException PrivacyKitNotRegistered() => new(
        "UsePrivacyKit needs PrivacyKit's services (IFieldEncryptor, IBlindIndexer) in the service provider passed to it: call " +
        "services.AddPrivacyKit(...) with a key-encryption key and a data-key store, and pass that provider, e.g. " +
        "services.AddDbContext<CrmDbContext>((sp, o) => o.UseSqlite(...).UsePrivacyKit(sp)).");

    public static PrivacyKitModelException EncryptedPropertyInKey(string entity, string property, string usage) => new(
        $"{entity}.{property} is [Encrypted] but is part of {usage}: ciphertext is different on every write, so it cannot be a key, " +
        "a foreign key or an index. Remove it from the key or index; for equality search add [BlindIndex], which is indexed.");

    public static PrivacyKitModelException UnsupportedEncryptedType(string entity, string property, Type type) => new(
        $"{entity}.{property} is [Encrypted] but its type '{type.Name}' cannot be encrypted: use string, byte[], bool, an integer type, " +
        "decimal, double, Guid, DateTime, DateTimeOffset or DateOnly (or their nullable forms).");

    public static PrivacyKitModelException UnknownNormaliser(string entity, string property, string name) => new(
        $"{entity}.{property} asks for blind-index normaliser '{name}', which is not known: use none, email, phone or casefold, or " +
        "register it with UsePrivacyKit(sp, o => o.AddBlindIndexNormalizer(\"" + name + "\", normalizer)).");

    public static PrivacyKitModelException ShadowNameTaken(string entity, string property, string shadowName) => new(
        $"{entity}.{property} needs the property name '{shadowName}' for its PrivacyKit column, but the entity already has a member " +
        "of that name: rename the member.");

    public static PrivacyKitModelException OwnedSubjectNotKey(string owned, string owner, string subjectProperty) => new(
        $"Owned type {owned} has encrypted properties and takes its data subject from {owner}, but {owner}.{subjectProperty} " +
        $"([DataSubjectId]) is not {owner}'s single-column primary key, which is all an owned row holds of its owner: make it " +
        $"the key, or mark a property of {owned} with [DataSubjectId].");

    public static EncryptedQueryNotSupportedException EncryptedInQuery(string entity, string property, string @operator) => new(
        $"{entity}.{property} is encrypted, so the database cannot use it in '{@operator}' (it only holds ciphertext and the " +
        $"query would silently return wrong results). For equality use WhereEquals(e => e.{property}, value) on a [BlindIndex] " +
        "property; otherwise filter, sort or group after loading (AsEnumerable()).");

    public static EncryptedQueryNotSupportedException EncryptedInInnerProjection(string entity, string property, string @operator) => new(
        $"{entity}.{property} is encrypted and is projected by a Select that '{@operator}' then composes over: it can only be " +
        "decrypted in the final projection. Move this Select to the end of the query (after Where, OrderBy, GroupBy, Distinct, ...).");

    public static EncryptedQueryNotSupportedException EncryptedInOwnedCollectionProjection(string entity, string property) => new(
        $"{entity}.{property} is encrypted and is projected from an owned collection: project the owner entity instead and read " +
        "the property from the loaded object.");

    public static EncryptedQueryNotSupportedException EncryptedInExecuteUpdate(string entity, string property) => new(
        $"ExecuteUpdate sets or reads {entity}.{property}, which PrivacyKit protects (encrypted or blind-indexed): a bulk update " +
        "bypasses encryption and would write plaintext or a stale index. Load the entities and change them with SaveChanges, " +
        "or leave this property out of ExecuteUpdate.");

    public static EncryptedValueTooLongException ValueTooLong(string entity, string property, int maxLength) => new(
        $"The value of {entity}.{property} is longer than its maximum length of {maxLength} (the plaintext limit of the encrypted " +
        "column); nothing was saved. Shorten the value or raise [MaxLength] (and migrate the column).");

    public static FieldEncryptionException SubjectIdMissing(string entity, string subjectProperty) => new(
        $"{entity}.{subjectProperty} ([DataSubjectId]) has no value, and the entity's encrypted properties are encrypted under " +
        "the data subject's key: set it before saving.");

    public static FieldEncryptionException SubjectIdTemporary(string entity, string subjectProperty) => new(
        $"{entity}.{subjectProperty} ([DataSubjectId]) is generated by the database, so it is not known when the entity's encrypted " +
        "properties must be encrypted: use a client-generated key (e.g. a Guid) or a separate [DataSubjectId] property set before saving.");

    public static ArgumentException NoBlindIndex(string entity, string property, string paramName) => new(
        $"{entity}.{property} has no blind index: add [BlindIndex] to it (and migrate) to search it with WhereEquals.", paramName);

    public static ArgumentException NotAPropertyAccess(string paramName) => new(
        "The expression must be a property access on the query's entity, e.g. c => c.Email.", paramName);

    public static ArgumentException NotAPrivacyKitQuery(string paramName) => new(
        "WhereEquals needs a query of a DbContext configured with UsePrivacyKit (e.g. db.Customers.WhereEquals(...)).", paramName);
}
