using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace PrivacyKit.EFCore.Stores;

/// <summary>
/// Recognises a unique-constraint (or primary-key) violation reported by the database, and nothing else: not-null,
/// foreign-key and check violations, deadlocks and connection failures are not conflicts and must surface.
/// PostgreSQL (and other SQLSTATE providers) report SQLSTATE 23505; SQLite extended codes 2067 (UNIQUE) and 1555
/// (PRIMARY KEY); SQL Server numbers 2627 and 2601. Provider packages are not referenced, so the provider-specific
/// codes are read by property name.
/// </summary>
internal static class UniqueViolation
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> SqliteCodes = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo?> SqlServerNumbers = new();

    public static bool Is(DbUpdateException exception) =>
        exception.InnerException is DbException inner && Is(inner);

    public static bool Is(DbException exception)
    {
        if (string.Equals(exception.SqlState, "23505", StringComparison.Ordinal))
        {
            return true;
        }

        var type = exception.GetType();
        if (SqliteCodes.GetOrAdd(type, static t => t.GetProperty("SqliteExtendedErrorCode", typeof(int))) is { } sqlite)
        {
            return (int)sqlite.GetValue(exception)! is 2067 or 1555;
        }

        if (string.Equals(type.FullName, "Microsoft.Data.SqlClient.SqlException", StringComparison.Ordinal) &&
            SqlServerNumbers.GetOrAdd(type, static t => t.GetProperty("Number", typeof(int))) is { } number)
        {
            return (int)number.GetValue(exception)! is 2627 or 2601;
        }

        return false;
    }
}
