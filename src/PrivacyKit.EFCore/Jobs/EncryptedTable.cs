using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using PrivacyKit.EFCore.Internal;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.Jobs;

/// <summary>
/// The raw view of one entity's table that the column jobs work on: the (single-column) primary key, the data-subject
/// id column and the columns holding encrypted properties (through their ciphertext properties, annotated
/// <see cref="PrivacyKitAnnotationNames.CiphertextFor"/>), with the SQL to page through it and to update one row.
/// </summary>
internal sealed class EncryptedTable
{
    private EncryptedTable(PrivacyEntityMetadata metadata, string table, IProperty key, string keyColumn, IProperty? subject, string? subjectColumn, IReadOnlyList<EncryptedColumn> columns)
    {
        Metadata = metadata;
        Table = table;
        Key = key;
        KeyColumn = keyColumn;
        Subject = subject;
        SubjectColumn = subjectColumn;
        Columns = columns;
    }

    public PrivacyEntityMetadata Metadata { get; }

    public string Name => Metadata.Name;

    public string Table { get; }

    public IProperty Key { get; }

    public string KeyColumn { get; }

    public IProperty? Subject { get; }

    public string? SubjectColumn { get; }

    public IReadOnlyList<EncryptedColumn> Columns { get; }

    /// <summary>The tables with encrypted properties, in model order, limited to <paramref name="entityNames"/> when not empty.</summary>
    public static List<EncryptedTable> From(DbContext context, ICollection<string> entityNames)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var tables = new List<EncryptedTable>();
        foreach (var entityType in context.Model.GetEntityTypes())
        {
            if (entityType.IsOwned() || entityType.GetTableName() is not { } tableName || PrivacyEntityMetadata.For(entityType) is not { } metadata ||
                (entityNames.Count > 0 && !entityNames.Contains(metadata.Name)))
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
            var columns = metadata.Properties
                .Where(p => p.IsEncrypted && p.CiphertextProperty is not null && p.ClrProperty is not null)
                .Select(p => (Metadata: p, Property: entityType.FindProperty(p.CiphertextProperty!)!))
                .Select(p => new EncryptedColumn(p.Metadata.Name, p.Metadata.ClrProperty!.PropertyType, sql.DelimitIdentifier(p.Property.GetColumnName(store)!), p.Property.ClrType == typeof(byte[])))
                .ToList();
            if (columns.Count == 0)
            {
                continue;
            }

            if (entityType.FindPrimaryKey() is not { Properties.Count: 1 } primaryKey)
            {
                throw Error.JobNeedsSingleColumnKey(metadata.Name);
            }

            var subject = metadata.SubjectIdProperty is { } subjectName ? entityType.FindProperty(subjectName) : null;
            tables.Add(new EncryptedTable(
                metadata,
                sql.DelimitIdentifier(tableName, entityType.GetSchema()),
                primaryKey.Properties[0],
                sql.DelimitIdentifier(primaryKey.Properties[0].GetColumnName(store)!),
                subject,
                subject is null ? null : sql.DelimitIdentifier(subject.GetColumnName(store)!),
                columns));
        }

        return tables;
    }

    /// <summary>SELECT key, subject (or NULL), the encrypted columns … the next page after @p0 (or the first), in key order.</summary>
    public string SelectPage(bool first, int size, string? provider)
    {
        var select = $"SELECT {KeyColumn}, {SubjectColumn ?? "NULL"}, {string.Join(", ", Columns.Select(c => c.Column))} FROM {Table}";
        var where = first ? "" : $" WHERE {KeyColumn} > @p0";
        var limit = provider?.Contains("SqlServer", StringComparison.Ordinal) == true
            ? $" ORDER BY {KeyColumn} OFFSET 0 ROWS FETCH NEXT {size} ROWS ONLY"
            : $" ORDER BY {KeyColumn} LIMIT {size}";
        return select + where + limit;
    }

    /// <summary>UPDATE … SET each changed column WHERE key = @k AND each changed column still holds the value read (compare-and-set).</summary>
    public string UpdateRow(IReadOnlyList<int> changed)
    {
        var set = string.Join(", ", changed.Select(i => $"{Columns[i].Column} = @n{i}"));
        var match = string.Join(" AND ", changed.Select(i => $"{Columns[i].Column} = @o{i}"));
        return $"UPDATE {Table} SET {set} WHERE {KeyColumn} = @k AND {match}";
    }
}

/// <summary>One column holding an encrypted property: the CLR property's name and type, the delimited column, and whether ciphertext is binary.</summary>
internal sealed record EncryptedColumn(string PropertyName, Type PropertyType, string Column, bool Binary);
