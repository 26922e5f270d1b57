using System.CommandLine;
using Microsoft.Data.Sqlite;
using Npgsql;
using SysRift.Core.Data;
using SysRift.Core.Site;

namespace SysRift.Web.Cli;

/// <summary>
/// restore --from FILE: a backup made by 'backup' becomes the site of this data folder. A SQLite backup is copied
/// to {DataPath}/sysrift.db; a PostgreSQL dump is loaded with pg_restore into the database the configuration
/// names. A data folder (or database) that already holds a site is refused unless --force says to replace it.
/// </summary>
public static class RestoreCommand
{
    public static Command Create()
    {
        var from = new Option<string>("--from", "-f") { Description = "The backup file (from 'backup --out').", Required = true };
        var force = new Option<bool>("--force") { Description = "Replace the site this data folder (or database) already holds." };
        var command = new Command("restore", "Restore a backup into an empty data folder (SQLite) or the configured empty database (PostgreSQL).") { from, force };
        command.SetAction((result, _) => RestoreAsync(CliHost.FullPath(result.GetValue(from)!), result.GetValue(force)));
        return command;
    }

    private static async Task<int> RestoreAsync(string source, bool force)
    {
        if (!File.Exists(source)) return await FailAsync($"there is no file {source}.");
        var header = new byte[16];
        await using (var file = File.OpenRead(source)) await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false);

        await using var host = CliHost.Build();
        var shell = host.Services.GetRequiredService<SiteShell>();
        if (shell.IsRunning && !force)
            return await FailAsync($"{shell.DataPath} already holds a site (site.json, {shell.Database.Redacted()}); restore does not replace it. Give an empty data folder, or --force to replace it.");

        if (header.AsSpan().StartsWith("SQLite format 3\0"u8)) return await SqliteAsync(shell, source, force);
        if (header.AsSpan().StartsWith("PGDMP"u8)) return await PostgresAsync(shell, source, force);
        return await FailAsync($"{source} is neither a SQLite backup nor a pg_dump custom-format file (made by 'backup --out').");
    }

    private static async Task<int> SqliteAsync(SiteShell shell, string source, bool force)
    {
        var target = Path.Combine(shell.DataPath, "sysrift.db");
        if (File.Exists(target) && !force) return await FailAsync($"{target} exists; restore does not replace it without --force.");
        await using (var check = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        {
            await check.OpenAsync();
            await using var command = check.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE name = '__SysRiftSchema'";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
                return await FailAsync($"{source} is a SQLite database but not a SysRift site.");
        }

        Directory.CreateDirectory(shell.DataPath);
        foreach (var stale in new[] { target + "-wal", target + "-shm" }) File.Delete(stale);
        File.Copy(source, target, overwrite: true);
        shell.MarkRunning(shell.DefaultSqlite);
        await Console.Error.WriteLineAsync($"restored {source} into {target}; start the site on this data folder (schema upgrades run at start).");
        return CommandLine.Success;
    }

    private static async Task<int> PostgresAsync(SiteShell shell, string source, bool force)
    {
        var database = shell.Database;
        if (database.Provider != DatabaseProvider.Postgres)
            return await FailAsync("this is a PostgreSQL backup: configure the database to restore into (SysRift__Database__Provider=Postgres and SysRift__Database__ConnectionString, an empty database).");
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
            if ((long)(await command.ExecuteScalarAsync())! > 0 && !force)
                return await FailAsync($"{database.Redacted()} is not empty; restore does not replace a site without --force.");
        }

        string[] args = force ? ["--no-owner", "--no-privileges", "--clean", "--if-exists", "--exit-on-error", "--dbname", new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!, source]
                              : ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!, source];
        switch (await PostgresTools.RunAsync("pg_restore", database.ConnectionString, args))
        {
            case null:
                await Console.Error.WriteLineAsync("error: pg_restore is not installed here (Debian: apt-get install postgresql-client). Run it where it is, then start the site on that database:");
                await Console.Error.WriteLineAsync("  " + PostgresTools.Instructions("pg_restore", database.ConnectionString, args));
                return CommandLine.Failure;
            case ({ } exit, var errors) when exit != 0:
                return await FailAsync($"pg_restore failed ({exit}): {errors}");
        }

        shell.MarkRunning(database);
        await Console.Error.WriteLineAsync($"restored {source} into {database.Redacted()}; start the site with this configuration.");
        return CommandLine.Success;
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync("error: " + message);
        return CommandLine.Failure;
    }
}
