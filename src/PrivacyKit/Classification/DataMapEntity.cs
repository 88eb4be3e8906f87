using PrivacyKit.Retention;

namespace PrivacyKit.Classification;

/// <summary>One entity in the <see cref="DataMap"/> with its personal fields.</summary>
public sealed record DataMapEntity
{
    /// <summary>Gets the entity name: the CLR type name, or the name a storage adapter supplied.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the CLR type the entity was read from, when it was read from a type.</summary>
    public Type? ClrType { get; init; }

    /// <summary>Gets the storage table name, when a storage adapter (EF Core) has supplied it.</summary>
    public string? Table { get; init; }

    /// <summary>Gets the name of the property that identifies the data subject, or <see langword="null"/> when none is marked.</summary>
    public string? SubjectIdProperty { get; init; }

    /// <summary>Gets the purposes declared on the entity itself.</summary>
    public IReadOnlyList<string> Purposes { get; init; } = [];

    /// <summary>Gets the retention rule of the whole record, or <see langword="null"/> when none is declared.</summary>
    public RetentionPolicy? Retention { get; init; }

    /// <summary>Gets the personal fields, in declaration order.</summary>
    public IReadOnlyList<DataMapField> Fields { get; init; } = [];

    /// <summary>Returns the field with the given property name.</summary>
    /// <param name="name">The property name.</param>
    /// <returns>The field, or <see langword="null"/> when the entity has no personal field of that name.</returns>
    public DataMapField? FindField(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}
