using System.Data.Common;
using System.Globalization;

namespace PrivacyKit.EFCore.Tests.TestSupport;

/// <summary>Reads a test database with raw SQL, bypassing EF Core and PrivacyKit, for assertions on what is really stored.</summary>
internal static class RawTables
{
    /// <summary>Every non-null value of every column of every table (bytes as base64), ciphertext, blind-index and shadow columns included.</summary>
    public static async Task<List<string>> AllValuesAsync(TestDatabase database)
    {
        await using var connection = await database.OpenRawConnectionAsync();
        var tables = await ReadAsync(connection, database.Provider == DatabaseProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        var values = new List<string>();
        foreach (var table in tables)
        {
            values.AddRange(await ReadAsync(connection, $"SELECT * FROM \"{table}\""));
        }

        return values;
    }

    /// <summary>Every non-null value the query returns, row by row, as invariant text (bytes as base64).</summary>
    public static async Task<List<string>> ReadAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (!await reader.IsDBNullAsync(i))
                {
                    var value = reader.GetValue(i);
                    values.Add(value is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
                }
            }
        }

        return values;
    }
}
