using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Compliance.Classification;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Internal;
using PrivacyKit.EFCore.Masking;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.Encryption;

namespace PrivacyKit.EFCore.Encryption;

/// <summary>
/// What the interceptors need of one entity type at run time, read from the model's annotations (so compiled models
/// work): its encrypted properties, where its data-subject id comes from, and its classified properties for masking.
/// Owned types take the data subject of their owner through the ownership key (see docs/efcore.md). Cached per entity
/// type; thread-safe.
/// </summary>
internal sealed class ProtectedEntity
{
    private static readonly ConcurrentDictionary<IReadOnlyEntityType, ProtectedEntity> Cache = new(ReferenceEqualityComparer.Instance);

    private string? _entityScope;

    private ProtectedEntity(IReadOnlyEntityType entityType)
    {
        EntityType = entityType;
        var metadata = PrivacyEntityMetadata.For(entityType);
        Name = metadata?.Name ?? entityType.ClrType.Name;

        var owner = entityType;
        while (owner.FindOwnership() is { } ownership)
        {
            owner = ownership.PrincipalEntityType;
        }

        ResourceType = owner.ClrType;
        if (metadata?.SubjectIdProperty is { } own)
        {
            SubjectProperty = own;
            SubjectDisplayName = own;
        }
        else if (!ReferenceEquals(owner, entityType) && PrivacyEntityMetadata.For(owner)?.SubjectIdProperty is { } ownerSubject)
        {
            IsOwnerSubject = true;
            SubjectDisplayName = owner.ClrType.Name + "." + ownerSubject;
            var key = owner.FindPrimaryKey();
            var ownershipKey = entityType.FindOwnership()!.Properties;
            if (key is null || key.Properties.Count != 1 || key.Properties[0].Name != ownerSubject || ownershipKey.Count != 1)
            {
                OwnerSubjectError = Error.OwnedSubjectNotKey(Name, owner.ClrType.Name, ownerSubject);
            }
            else
            {
                SubjectProperty = ownershipKey[0].Name;
            }
        }

        SubjectMetadata = SubjectProperty is null ? null : entityType.FindProperty(SubjectProperty);

        // Shared-type entity types (an owned type used by several navigations) have no contract metadata: read the attributes.
        var classified = metadata?.Properties ?? ReadClassified(entityType.ClrType);
        Properties = [.. entityType.GetProperties()
            .Where(p => p.FindAnnotation(PrivacyKitAnnotationNames.CiphertextFor)?.Value is string)
            .Select(p => CreateProperty(entityType, p, classified))];
        Maskable = [.. classified
            .Where(p => p.ClrProperty is { CanWrite: true } && !p.Field.IsSubjectId && p.Field.Classification != DataClassification.None)
            .Where(p => entityType.FindProperty(p.Name) is not { } mapped || !(mapped.IsKey() || mapped.IsForeignKey()))
            .Where(p => p.IsEncrypted ? Properties.Any(e => e.Name == p.Name) : entityType.FindProperty(p.Name) is not null)
            .Select(p => new MaskableProperty(p.Name, p.ClrProperty!, p.Field.Classification, p.IsEncrypted, p.IsEncrypted ? null : p.Name))];
    }

    public IReadOnlyEntityType EntityType { get; }

    /// <summary>Stable entity name bound into the encryption context.</summary>
    public string Name { get; }

    /// <summary>The CLR type whose field-access mapping applies (the root owner for owned types).</summary>
    public Type ResourceType { get; }

    /// <summary>The EF property holding the data-subject id (the CLR subject id, or the ownership key of an owned type), or <see langword="null"/>.</summary>
    public string? SubjectProperty { get; }

    /// <summary>The EF property named by <see cref="SubjectProperty"/>, when the entity type maps it.</summary>
    public IReadOnlyProperty? SubjectMetadata { get; }

    /// <summary>Whether the subject id comes from the owner.</summary>
    public bool IsOwnerSubject { get; }

    public PrivacyKitModelException? OwnerSubjectError { get; }

    private string? SubjectDisplayName { get; }

    public IReadOnlyList<ProtectedProperty> Properties { get; }

    public IReadOnlyList<MaskableProperty> Maskable { get; }

    public bool IsEmpty => Properties.Count == 0 && Maskable.Count == 0;

    /// <summary>The runtime plan of an entity type (cached).</summary>
    public static ProtectedEntity For(IReadOnlyEntityType entityType) => Cache.GetOrAdd(entityType, static t => new ProtectedEntity(t));

    /// <summary>The encryption context of one encrypted property of a row (what the jobs need; saves use <see cref="ContextsFor"/>, loads <see cref="ContextFor(int, string)"/>).</summary>
    /// <exception cref="FieldEncryptionException">The subject id is missing.</exception>
    /// <exception cref="ArgumentException"><paramref name="property"/> is not an encrypted property of this entity.</exception>
    public EncryptionContext ContextFor(string property, object? subjectId)
    {
        for (var i = 0; i < Properties.Count; i++)
        {
            if (string.Equals(Properties[i].Name, property, StringComparison.Ordinal))
            {
                return ContextFor(i, ScopeFor(subjectId));
            }
        }

        throw new ArgumentException($"'{property}' is not an encrypted property of entity '{Name}'.", nameof(property));
    }

    /// <summary>
    /// The encryption contexts of every encrypted property of a row, in the order of <see cref="Properties"/>. Every
    /// part of PrivacyKit.EFCore that encrypts or decrypts a column gets its contexts here or from <see cref="ScopeFor"/>
    /// and <see cref="ContextFor(int, string)"/>, so jobs and interceptors agree.
    /// </summary>
    /// <exception cref="FieldEncryptionException">The subject id is missing.</exception>
    public EncryptionContext[] ContextsFor(object? subjectId)
    {
        var scope = ScopeFor(subjectId);
        var contexts = new EncryptionContext[Properties.Count];
        for (var i = 0; i < contexts.Length; i++)
        {
            contexts[i] = ContextFor(i, scope);
        }

        return contexts;
    }

    /// <summary>The data-key scope of a row: its subject's, or the entity's when the type has no data subject.</summary>
    /// <exception cref="FieldEncryptionException">The subject id is missing.</exception>
    public string ScopeFor(object? subjectId)
    {
        if (OwnerSubjectError is not null)
        {
            throw OwnerSubjectError;
        }

        if (SubjectProperty is null)
        {
            return _entityScope ??= EncryptionScope.ForEntity(Name);
        }

        return subjectId is null
            ? throw Error.SubjectIdMissing(Name, SubjectDisplayName!)
            : EncryptionScope.ForSubject(PrivacyEntityMetadata.FormatSubjectId(subjectId));
    }

    /// <summary>The context of the encrypted property at <paramref name="index"/> of <see cref="Properties"/> in a row of <paramref name="scope"/>: bound to the entity's stable name, the property and the scope.</summary>
    public EncryptionContext ContextFor(int index, string scope) => new(Name, Properties[index].Name, scope);

    /// <summary>Throws when the subject id is generated by the database and not known yet.</summary>
    public void ThrowIfSubjectTemporary(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        if (SubjectProperty is not null && entry.Property(SubjectProperty).IsTemporary)
        {
            throw Error.SubjectIdTemporary(Name, SubjectDisplayName!);
        }
    }

    private static IReadOnlyList<PrivacyPropertyMetadata> ReadClassified(Type clrType) =>
        clrType == typeof(Dictionary<string, object>)
            ? []
            : [.. new DataMapBuilder().Add(clrType).Build().Entities[0].Fields.Select(f => new PrivacyPropertyMetadata(
                f, clrType.GetProperty(f.Name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance), null, null))];

    private static ProtectedProperty CreateProperty(IReadOnlyEntityType entityType, IReadOnlyProperty ciphertext, IReadOnlyList<PrivacyPropertyMetadata> classified)
    {
        var name = (string)ciphertext.FindAnnotation(PrivacyKitAnnotationNames.CiphertextFor)!.Value!;
        var clr = entityType.ClrType.GetProperty(name, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)!;
        var index = entityType.GetProperties().FirstOrDefault(p => p.FindAnnotation(PrivacyKitAnnotationNames.BlindIndexFor)?.Value as string == name);
        return new ProtectedProperty
        {
            Name = name,
            ClrProperty = clr,
            Codec = PropertyCodec.Create(clr),
            Ciphertext = ciphertext,
            Binary = ciphertext.ClrType == typeof(byte[]),
            MaxLength = ciphertext.FindAnnotation(PrivacyKitModelAnnotations.PlaintextMaxLength)?.Value as int?,
            BlindIndex = index,
            BlindIndexKey = index?.FindAnnotation(PrivacyKitModelAnnotations.BlindIndexKey)?.Value as string,
            BlindIndexNormaliser = index?.FindAnnotation(PrivacyKitModelAnnotations.BlindIndexNormaliser)?.Value as string,
            Classification = classified.FirstOrDefault(p => p.Name == name)?.Field.Classification ?? DataClassification.Unknown,
        };
    }
}
