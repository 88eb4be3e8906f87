using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyKit.BlindIndexes;
using PrivacyKit.EFCore.Encryption;
using PrivacyKit.EFCore.Infrastructure;
using PrivacyKit.EFCore.Metadata;
using PrivacyKit.EFCore.Internal;

namespace PrivacyKit.EFCore.Jobs;

/// <summary>
/// The raw view of one entity's table that the column jobs work on: the (single-column) primary key, the data-subject
/// id column and the columns holding encrypted properties (through their ciphertext properties, annotated
/// <see cref="PrivacyKitAnnotationNames.CiphertextFor"/>) with their blind-index columns, and the SQL to page through it
/// and to update one row. Read through <see cref="ProtectedEntity"/>, as the interceptors read the model, so an owned
/// type takes its owner's data subject (through the ownership key) and its own name, as on save.
/// </summary>
internal sealed class EncryptedTable
{
    private EncryptedTable(ProtectedEntity plan, string table, IProperty key, string keyColumn, IProperty? subject, string? subjectColumn, IReadOnlyList<EncryptedColumn> columns)
    {
        Plan = plan;
        Table = table;
        Key = key;
        KeyColumn = keyColumn;
        Subject = subject;
        SubjectColumn = subjectColumn;
        Columns = columns;
    }

    /// <summary>The entity's runtime plan: its name and <see cref="ProtectedEntity.ContextFor(string, object?)"/>, the encryption context of the interceptors.</summary>
    public ProtectedEntity Plan { get; }

    public string Name => Plan.Name;

    public string Table { get; }

    public IProperty Key { get; }

    public string KeyColumn { get; }

    public IProperty? Subject { get; }

    public string? SubjectColumn { get; }

    public IReadOnlyList<EncryptedColumn> Columns { get; }

    /// <summary>The tables with encrypted properties, in model order, limited to <paramref name="entityNames"/> when not empty.</summary>
    /// <exception cref="InvalidOperationException">An entity has no single-column primary key.</exception>
    /// <exception cref="PrivacyKitModelException">An owned type cannot find its owner's subject, or a blind index names an unknown normaliser.</exception>
    public static List<EncryptedTable> From(DbContext context, ICollection<string> entityNames)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var settings = context.GetService<IDbContextOptions>().FindExtension<PrivacyKitOptionsExtension>()?.Settings
            ?? new PrivacyKitSettings(CiphertextStorage.Text, new Dictionary<string, IBlindIndexNormalizer>(), new Dictionary<Type, Access.Permission>());
        var tables = new List<EncryptedTable>();
        foreach (var entityType in context.Model.GetEntityTypes())
        {
            var plan = ProtectedEntity.For(entityType);
            if (entityType.GetTableName() is not { } tableName || plan.Properties.Count == 0 ||
                (entityNames.Count > 0 && !entityNames.Contains(plan.Name)))
            {
                continue;
            }

            if (plan.OwnerSubjectError is { } ownerError)
            {
                throw ownerError;
            }

            var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
            var columns = plan.Properties
                .Select(p => new EncryptedColumn(
                    p.Name,
                    p.ClrProperty.PropertyType,
                    sql.DelimitIdentifier(((IProperty)p.Ciphertext).GetColumnName(store)!),
                    p.Binary,
                    p.BlindIndex is { } index ? BlindIndexColumn.Create(plan, p, sql.DelimitIdentifier(((IProperty)index).GetColumnName(store)!), settings) : null))
                .ToList();
            if (entityType.FindPrimaryKey() is not { Properties.Count: 1 } primaryKey)
            {
                throw Error.JobNeedsSingleColumnKey(plan.Name);
            }

            var subject = plan.SubjectProperty is { } subjectName ? entityType.FindProperty(subjectName) : null;
            tables.Add(new EncryptedTable(
                plan,
                sql.DelimitIdentifier(tableName, entityType.GetSchema()),
                primaryKey.Properties[0],
                sql.DelimitIdentifier(primaryKey.Properties[0].GetColumnName(store)!),
                subject,
                subject is null ? null : sql.DelimitIdentifier(subject.GetColumnName(store)!),
                columns));
        }

        return tables;
    }

    /// <summary>
    /// SELECT key, subject (or NULL), the encrypted columns, then each column's blind index (or NULL) … the next page
    /// after @p0 (or the first), in key order.
    /// </summary>
    public string SelectPage(bool first, int size, string? provider)
    {
        var indexes = Columns.Any(c => c.Index is not null) ? ", " + string.Join(", ", Columns.Select(c => c.Index?.Column ?? "NULL")) : "";
        var select = $"SELECT {KeyColumn}, {SubjectColumn ?? "NULL"}, {string.Join(", ", Columns.Select(c => c.Column))}{indexes} FROM {Table}";
        var where = first ? "" : $" WHERE {KeyColumn} > @p0";
        var limit = provider?.Contains("SqlServer", StringComparison.Ordinal) == true
            ? $" ORDER BY {KeyColumn} OFFSET 0 ROWS FETCH NEXT {size} ROWS ONLY"
            : $" ORDER BY {KeyColumn} LIMIT {size}";
        return select + where + limit;
    }

    /// <summary>
    /// UPDATE … SET each changed column (and its blind index, as @b{i}, when <paramref name="withIndexes"/>) WHERE key = @k
    /// AND each changed column still holds the value read (compare-and-set).
    /// </summary>
    public string UpdateRow(IReadOnlyList<int> changed, bool withIndexes = false)
    {
        var set = string.Join(", ", changed.SelectMany(i => withIndexes && Columns[i].Index is { } index
            ? new[] { $"{Columns[i].Column} = @n{i}", $"{index.Column} = @b{i}" }
            : [$"{Columns[i].Column} = @n{i}"]));
        var match = string.Join(" AND ", changed.Select(i => $"{Columns[i].Column} = @o{i}"));
        return $"UPDATE {Table} SET {set} WHERE {KeyColumn} = @k AND {match}";
    }
}

/// <summary>One column holding an encrypted property: the CLR property's name and type, the delimited column, whether ciphertext is binary, and its blind index.</summary>
internal sealed record EncryptedColumn(string PropertyName, Type PropertyType, string Column, bool Binary, BlindIndexColumn? Index = null);

/// <summary>
/// The blind-index column of an encrypted property and how the save interceptor computes it: key name
/// (<c>{Entity}.{IndexName}</c>, from the model), normaliser, the input <see cref="PropertyCodec.IndexInput"/>, text or bytes.
/// </summary>
internal sealed record BlindIndexColumn(string Column, string KeyName, IBlindIndexNormalizer Normalizer, bool Binary)
{
    public static BlindIndexColumn Create(ProtectedEntity plan, ProtectedProperty property, string column, PrivacyKitSettings settings) => new(
        column,
        property.BlindIndexKey ?? $"{plan.Name}.{property.Name}",
        settings.FindNormalizer(property.BlindIndexNormaliser) ?? throw Error.UnknownNormaliser(plan.Name, property.Name, property.BlindIndexNormaliser!),
        property.BlindIndex!.ClrType == typeof(byte[]));

    /// <summary>The index of a plaintext value, as the save interceptor writes it.</summary>
    public object? Compute(IBlindIndexer indexer, object? plaintext)
    {
        var input = PropertyCodec.IndexInput(plaintext);
        return Binary ? indexer.Compute(KeyName, input, Normalizer) : indexer.ComputeText(KeyName, input, Normalizer);
    }
}
