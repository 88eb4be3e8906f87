using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using PrivacyKit.Classification;
using PrivacyKit.EFCore.Metadata;

namespace PrivacyKit.EFCore.DataMap;

/// <summary>
/// Adds a DbContext's model to the data map: every entity type holding personal data (added when the attribute map
/// does not have it yet), with its table and, for each personal field, the column that stores it — the ciphertext
/// column for an encrypted field — and the blind-index column in the field's notes.
/// </summary>
internal sealed class EntityFrameworkDataMapContributor<TContext>(IServiceScopeFactory scopes) : IDataMapContributor
    where TContext : DbContext
{
    public void Contribute(DataMapBuilder builder)
    {
        using var scope = scopes.CreateScope();
        Contribute(builder, scope.ServiceProvider.GetRequiredService<TContext>().Model);
    }

    internal static void Contribute(DataMapBuilder builder, IModel model)
    {
        foreach (var entityType in model.GetEntityTypes())
        {
            if (PrivacyEntityMetadata.For(entityType) is not { } metadata || !metadata.HasPersonalData)
            {
                continue;
            }

            var table = entityType.GetTableMappings().FirstOrDefault()?.Table;
            var tableName = table is null ? null : table.Schema is { } schema ? $"{schema}.{table.Name}" : table.Name;
            if (builder.Find(metadata.Name) is null)
            {
                builder.Add(metadata.Map with { Name = metadata.Name });
            }

            builder.Update(metadata.Name, e => e with
            {
                Table = tableName ?? e.Table,
                Fields = [.. e.Fields.Select(f => Refine(f, entityType, metadata.Find(f.Name)))],
            });
        }
    }

    private static DataMapField Refine(DataMapField field, IEntityType entityType, PrivacyPropertyMetadata? property)
    {
        var column = ColumnOf(entityType, property?.CiphertextProperty ?? field.Name);
        var blindIndexColumn = ColumnOf(entityType, property?.BlindIndexProperty);
        var note = blindIndexColumn is null ? null : $"blind index column: {blindIndexColumn}";
        return field with
        {
            Column = column ?? field.Column,
            Notes = note is null || (field.Notes?.Contains(note, StringComparison.Ordinal) ?? false)
                ? field.Notes
                : field.Notes is null ? note : $"{field.Notes}; {note}",
        };
    }

    private static string? ColumnOf(IEntityType entityType, string? propertyName) =>
        propertyName is null ? null : entityType.FindProperty(propertyName)?.GetTableColumnMappings().FirstOrDefault()?.Column.Name;
}
