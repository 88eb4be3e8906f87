using System.Data.Common;

namespace PrivacyKit.EFCore.Tests.Stores;

/// <summary>
/// SQLite's shared in-memory cache reports a concurrent writer as SQLITE_LOCKED (6) at once instead of waiting; a
/// real server (PostgreSQL) or a SQLite file with a busy timeout waits. Tests that race writers on SQLite retry that
/// one code so they test the stores' conflict handling, not the shared cache's locking.
/// </summary>
internal static class Retry
{
    public static async Task<T> OnSqliteLockAsync<T>(Func<ValueTask<T>> action)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (Exception e) when (attempt < 200 && IsSqliteLocked(e))
            {
                await Task.Delay(5);
            }
        }
    }

    private static bool IsSqliteLocked(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException db && db.GetType().Name == "SqliteException" && (int)db.GetType().GetProperty("SqliteErrorCode")!.GetValue(db)! is 5 or 6)
            {
                return true;
            }
        }

        return false;
    }
}
