using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace PrivacyKit.EFCore.Tests.TestSupport;

/// <summary>
/// A throw-away database for one test: SQLite in memory (kept alive by an open connection) or a fresh PostgreSQL
/// database created on the server named by PRIVACYKIT_TEST_POSTGRES and dropped on dispose. Use
/// <see cref="Configure"/> on a DbContextOptionsBuilder; create the schema with EnsureCreated.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly SqliteConnection? _sqlite;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, SqliteConnection? sqlite, string connectionString, string? postgresAdmin, string? postgresName)
    {
        Provider = provider;
        _sqlite = sqlite;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var name = "pk" + Guid.NewGuid().ToString("N");
            var connectionString = $"Data Source={name};Mode=Memory;Cache=Shared";
            var keepAlive = new SqliteConnection(connectionString);
            await keepAlive.OpenAsync();
            return new TestDatabase(provider, keepAlive, connectionString, null, null);
        }

        var admin = PostgresConnectionString
            ?? throw new InvalidOperationException("PostgreSQL tests need PRIVACYKIT_TEST_POSTGRES (run: bash eng/postgres.sh).");
        var database = "pk_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{database}\"";
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = database, Pooling = false };
        return new TestDatabase(provider, null, builder.ConnectionString, admin, database);
    }

    /// <summary>The PostgreSQL connection string, or <see langword="null"/> outside CI when none is configured.</summary>
    /// <exception cref="InvalidOperationException">Under CI=true without PRIVACYKIT_TEST_POSTGRES: the tests must not pass silently.</exception>
    public static string? PostgresConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable("PRIVACYKIT_TEST_POSTGRES");
            if (string.IsNullOrWhiteSpace(value) && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("CI=true but PRIVACYKIT_TEST_POSTGRES is not set: PostgreSQL tests cannot run (.ci/run starts the server via eng/postgres.sh).");
            }

            return string.IsNullOrWhiteSpace(value) ? null : value;
        }
    }

    public DbContextOptionsBuilder<TContext> Configure<TContext>(DbContextOptionsBuilder<TContext> options)
        where TContext : DbContext
    {
        Configure((DbContextOptionsBuilder)options);
        return options;
    }

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder options) => (Provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(ConnectionString),
        _ => options.UseNpgsql(ConnectionString),
    })
        // Every test is an application of its own, and EF Core counts internal service providers process-wide:
        // past twenty it would fail whichever test comes next. One application keeping one provider is tested apart.
        .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning));

    /// <summary>Opens a raw ADO.NET connection to the same database, for assertions that bypass EF Core.</summary>
    public async Task<DbConnection> OpenRawConnectionAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }

        if (_postgresAdmin is not null)
        {
            // A server process that is not ours (autovacuum) can briefly refuse FORCE; retry, then leave the
            // uniquely named database behind rather than fail a test that has already passed.
            NpgsqlConnection.ClearAllPools();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var connection = new NpgsqlConnection(_postgresAdmin);
                    await connection.OpenAsync();
                    await using var command = connection.CreateCommand();
                    command.CommandText = $"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)";
                    await command.ExecuteNonQueryAsync();
                    return;
                }
                catch (PostgresException) when (attempt < 5)
                {
                    await Task.Delay(200 * attempt);
                }
                catch (PostgresException)
                {
                    return;
                }
            }
        }
    }
}
