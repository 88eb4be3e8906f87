using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using PrivacyKit.EFCore.Tests.TestSupport;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>
/// Configures a context on a test database with connection pooling on PostgreSQL: the stores and jobs open a context
/// per operation, as production code does with a pooled data source, and a new server process per open would make
/// the tests slow. The database is dropped WITH (FORCE) at the end, which closes the pooled connections.
/// </summary>
internal static class PooledConnections
{
    public static DbContextOptionsBuilder Configure(TestDatabase database, DbContextOptionsBuilder options) =>
        database.Provider == DatabaseProvider.Postgres
            ? options.UseNpgsql(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ConnectionString)
                .ConfigureWarnings(w => w.Ignore(CoreEventId.ManyServiceProvidersCreatedWarning))
            : database.Configure(options);
}
