using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace SysRift.Core.Data;

/// <summary>
/// What the two providers say when concurrent writers collide, and the locks that keep a check and the
/// write it guards in one serialised step. SQLite needs no row locks: EF begins its transactions with
/// BEGIN IMMEDIATE, so one writer holds the database until it commits. PostgreSQL runs writers side by
/// side, so a check that must hold at commit ("the item is still at revision 7", "another administrator
/// remains") takes a lock inside the transaction first.
/// </summary>
public static class DatabaseRaces
{
    /// <summary>Locks the item's row until the transaction ends (PostgreSQL); a second writer waits, then sees the first one's revision.</summary>
    public static Task LockContentItemAsync(this SysRiftDbContext db, string contentItemId, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"ContentItems\" WHERE \"ContentItemId\" = {contentItemId} FOR UPDATE", cancellationToken)
            : Task.CompletedTask;

    /// <summary>A named lock held until the transaction ends (PostgreSQL advisory lock), for checks over many rows.</summary>
    public static Task LockAsync(this SysRiftDbContext db, string name, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            ? db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtext({"sysrift:" + name}))", cancellationToken)
            : Task.CompletedTask;

    /// <summary>
    /// Whether <paramref name="error"/> (or what it wraps) is a unique violation: of the index named
    /// <paramref name="index"/> on PostgreSQL, or of <paramref name="sqliteColumns"/> ("Table.Column") on SQLite,
    /// or of any unique key when both are null.
    /// </summary>
    public static bool IsUniqueViolation(Exception error, string? index = null, string? sqliteColumns = null)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "23505" } postgres) return index is null || postgres.ConstraintName == index;
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } sqlite && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal))
                return sqliteColumns is null || sqlite.Message.Contains(sqliteColumns + "'", StringComparison.Ordinal);
        }

        return false;
    }

    /// <summary>Whether the database gave up on the transaction because of another one (deadlock, serialisation, busy).</summary>
    public static bool IsContention(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: "40001" or "40P01" or "55P03" }) return true;
            if (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }) return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="error"/> is the database refusing a statement (as opposed to the database being gone).</summary>
    public static bool IsRefusal(Exception error) => error is DbUpdateException || error is DbException && (IsUniqueViolation(error) || IsContention(error));
}
