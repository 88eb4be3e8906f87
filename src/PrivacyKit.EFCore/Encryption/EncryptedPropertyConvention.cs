using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Internal;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Encryption;

/// <summary>
/// Replaces each <see cref="EncryptedAttribute"/> property by a shadow property holding its ciphertext in the same
/// column (keeping the user's column name and nullability, sized for the ciphertext of the plaintext limit), and adds
/// an indexed shadow property for each <see cref="BlindIndexAttribute"/>. The CLR property stays on the class, unmapped:
/// the interceptors fill it with plaintext.
/// </summary>
internal sealed class EncryptedPropertyConvention(PrivacyKitSettings settings, Func<int, int> encryptedLength) : IModelFinalizingConvention
{
    /// <summary>Length of the base64 text of the longest blind index (256 bits).</summary>
    private const int BlindIndexTextLength = 44;

    private const int BlindIndexBinaryLength = 32;

    private static readonly HashSet<Type> SupportedTypes =
    [
        typeof(string), typeof(byte[]), typeof(bool), typeof(byte), typeof(sbyte), typeof(short), typeof(ushort), typeof(int),
        typeof(uint), typeof(long), typeof(ulong), typeof(Int128), typeof(UInt128), typeof(decimal), typeof(double), typeof(Guid),
        typeof(DateTime), typeof(DateTimeOffset), typeof(DateOnly),
    ];

    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var entityType in modelBuilder.Metadata.GetEntityTypes().ToList())
        {
            if (entityType.ClrType == typeof(Dictionary<string, object>))
            {
                continue;
            }

            var map = new DataMapBuilder().Add(entityType.ClrType).Build().Entities[0];
            foreach (var field in map.Fields.Where(f => f.Protection.HasFlag(FieldProtection.Encrypted)))
            {
                if (entityType.BaseType?.ClrType.GetProperty(field.Name) is not null)
                {
                    continue; // configured on the base entity type
                }

                Protect(entityType, map.Name, field);
            }
        }
    }

    private void Protect(IConventionEntityType entityType, string entityName, DataMapField field)
    {
        var clr = entityType.ClrType.GetProperty(field.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
        if (clr is null)
        {
            return; // a field, not a property: EF does not map fields by convention either
        }

        var valueType = Nullable.GetUnderlyingType(clr.PropertyType) ?? clr.PropertyType;
        if (!SupportedTypes.Contains(valueType))
        {
            throw Error.UnsupportedEncryptedType(entityName, field.Name, clr.PropertyType);
        }

        var existing = entityType.FindProperty(field.Name);
        var columnName = existing?.FindAnnotation(RelationalAnnotationNames.ColumnName)?.Value as string ?? DefaultColumnName(entityType, field.Name);
        var isNullable = existing?.IsNullable ?? (!clr.PropertyType.IsValueType || valueType != clr.PropertyType);
        var maxLength = existing?.GetMaxLength()
            ?? clr.GetCustomAttribute<MaxLengthAttribute>()?.Length
            ?? clr.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength;
        if (existing is not null)
        {
            if (existing.IsKey() || existing.IsForeignKey())
            {
                throw Error.EncryptedPropertyInKey(entityName, field.Name, existing.IsKey() ? "a key" : "a foreign key");
            }

            if (existing.IsIndex())
            {
                throw Error.EncryptedPropertyInKey(entityName, field.Name, "an index");
            }

            entityType.RemoveProperty(existing);
        }

        entityType.AddIgnored(field.Name, fromDataAnnotation: true);

        var binary = settings.Storage == CiphertextStorage.Binary;
        var storeType = binary ? typeof(byte[]) : typeof(string);
        var ciphertextName = field.Name + PrivacyKitModelAnnotations.CiphertextSuffix;
        var ciphertext = AddShadow(entityType, entityName, field.Name, ciphertextName, storeType);
        ciphertext.HasColumnName(columnName, fromDataAnnotation: true);
        ciphertext.IsRequired(!isNullable, fromDataAnnotation: true);
        ciphertext.HasAnnotation(PrivacyKitAnnotationNames.CiphertextFor, field.Name, fromDataAnnotation: true);
        if (maxLength is int limit && (valueType == typeof(string) || valueType == typeof(byte[])))
        {
            ciphertext.HasAnnotation(PrivacyKitModelAnnotations.PlaintextMaxLength, limit, fromDataAnnotation: true);
            ciphertext.HasMaxLength(CiphertextColumnLength(limit, valueType == typeof(string), binary), fromDataAnnotation: true);
        }

        if (field.Protection.HasFlag(FieldProtection.BlindIndex))
        {
            var indexName = field.BlindIndexName ?? field.Name;
            if (settings.FindNormalizer(field.BlindIndexNormaliser) is null)
            {
                throw Error.UnknownNormaliser(entityName, field.Name, field.BlindIndexNormaliser!);
            }

            var index = AddShadow(entityType, entityName, field.Name, indexName + PrivacyKitModelAnnotations.BlindIndexSuffix, storeType);
            index.IsRequired(false, fromDataAnnotation: true);
            index.HasMaxLength(binary ? BlindIndexBinaryLength : BlindIndexTextLength, fromDataAnnotation: true);
            index.HasAnnotation(PrivacyKitAnnotationNames.BlindIndexFor, field.Name, fromDataAnnotation: true);
            index.HasAnnotation(PrivacyKitModelAnnotations.BlindIndexKey, entityName + "." + indexName, fromDataAnnotation: true);
            if (field.BlindIndexNormaliser is not null)
            {
                index.HasAnnotation(PrivacyKitModelAnnotations.BlindIndexNormaliser, field.BlindIndexNormaliser, fromDataAnnotation: true);
            }

            entityType.Builder.HasIndex([index.Metadata.Name], fromDataAnnotation: true);
        }
    }

    /// <summary>The column length for the ciphertext of a plaintext of at most <paramref name="limit"/> characters (or bytes).</summary>
    internal int CiphertextColumnLength(int limit, bool isString, bool binary)
    {
        // A UTF-16 character takes at most 3 UTF-8 bytes (a surrogate pair: 2 characters, 4 bytes).
        var plaintextBytes = isString ? checked(limit * 3) : limit;
        var cipherBytes = encryptedLength(plaintextBytes);
        return binary ? cipherBytes : FieldCiphertext.TextPrefix.Length + ((cipherBytes + 2) / 3 * 4);
    }

    /// <summary>EF's default column name: the property name, prefixed by the ownership navigations when an owned type shares its owner's table.</summary>
    private static string DefaultColumnName(IConventionEntityType entityType, string property)
    {
        var name = property;
        for (var type = entityType; type.FindOwnership() is { } ownership; type = ownership.PrincipalEntityType)
        {
            if (ownership.PrincipalToDependent is not { } navigation || type.GetTableName() != ownership.PrincipalEntityType.GetTableName())
            {
                break;
            }

            name = navigation.Name + "_" + name;
        }

        return name;
    }

    private static IConventionPropertyBuilder AddShadow(IConventionEntityType entityType, string entityName, string property, string name, Type type)
    {
        if (entityType.ClrType.GetMember(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).Length > 0)
        {
            throw Error.ShadowNameTaken(entityName, property, name);
        }

        return entityType.Builder.Property(type, name, setTypeConfigurationSource: true, fromDataAnnotation: true)
            ?? throw Error.ShadowNameTaken(entityName, property, name);
    }
}
