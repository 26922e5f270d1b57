using System.CommandLine;
using Microsoft.Data.Sqlite;
using SysRift.Core.Data;
using SysRift.Core.Site;

namespace SysRift.Web.Cli;

/// <summary>
/// backup --out FILE: the whole site in one file while it serves, media included (the media library lives in
/// the database). SQLite: the online backup API, a consistent snapshot. PostgreSQL: pg_dump's custom format
/// where pg_dump is installed, and otherwise the exact command to run. restore --from reads either.
/// </summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Where to write the backup (a relative path is taken from the current directory).", Required = true };
        var command = new Command("backup", "Back up the whole site (content, settings, users, media) to one file while it keeps serving.") { output };
        command.SetAction((result, _) => BackupAsync(CliHost.FullPath(result.GetValue(output)!)));
        return command;
    }

    private static async Task<int> BackupAsync(string target)
    {
        await using var host = CliHost.Build();
        var shell = host.Services.GetRequiredService<SiteShell>();
        if (!shell.IsRunning)
        {
            await Console.Error.WriteLineAsync("error: this site is not set up yet; there is nothing to back up.");
            return CommandLine.Failure;
        }

        if (File.Exists(target)) File.Delete(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (shell.Database.Provider == DatabaseProvider.Postgres) return await PostgresAsync(shell.Database, target);

        // SQLite's online backup API: a consistent snapshot while the site keeps serving and writing.
        await using var source = new SqliteConnection(shell.Database.ConnectionString);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await source.OpenAsync();
        await destination.OpenAsync();
        source.BackupDatabase(destination);
        await Console.Error.WriteLineAsync($"backed up {shell.Database.Redacted()} to {target} ({new FileInfo(target).Length:N0} bytes, media included)");
        return CommandLine.Success;
    }

    private static async Task<int> PostgresAsync(DatabaseSettings database, string target)
    {
        string[] args = ["--format=custom", "--no-owner", "--no-privileges", "--file", target];
        switch (await PostgresTools.RunAsync("pg_dump", database.ConnectionString, args))
        {
            case null:
                await Console.Error.WriteLineAsync("error: pg_dump is not installed here (Debian: apt-get install postgresql-client). Run it where it is, with the site's database:");
                await Console.Error.WriteLineAsync("  " + PostgresTools.Instructions("pg_dump", database.ConnectionString, args));
                return CommandLine.Failure;
            case ({ } exit, var errors) when exit != 0:
                await Console.Error.WriteLineAsync($"error: pg_dump failed ({exit}): {errors}");
                return CommandLine.Failure;
            default:
                await Console.Error.WriteLineAsync($"backed up {database.Redacted()} with pg_dump to {target} ({new FileInfo(target).Length:N0} bytes, media included)");
                return CommandLine.Success;
        }
    }
}
