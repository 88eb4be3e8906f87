using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PrivacyKit.Samples.Crm.Demo;

/// <summary>
/// Plain SQL on the database file, as a DBA, a backup or an attacker holding the file sees it: no EF Core, no
/// PrivacyKit in between.
/// </summary>
public sealed class RawSql(string connectionString)
{
    public async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every column of the rows of <paramref name="table"/> whose <paramref name="column"/> is the id (EF Core stores GUIDs as upper-case text).</summary>
    public Task<List<Dictionary<string, string?>>> RowsAsync(string table, string column, Guid id) =>
        QueryAsync($"SELECT * FROM \"{table}\" WHERE \"{column}\" = $id", Columns, ("$id", id.ToString().ToUpperInvariant()));

    public static Dictionary<string, string?> Columns(SqliteDataReader reader) =>
        Enumerable.Range(0, reader.FieldCount).ToDictionary(
            reader.GetName,
            i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
