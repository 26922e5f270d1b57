using System.CommandLine;
using Microsoft.Data.Sqlite;
using SysRift.Core.Data;
using SysRift.Core.Site;

namespace SysRift.Web.Cli;

/// <summary>backup --out FILE: a consistent copy of the SQLite database while the site serves.</summary>
public static class BackupCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Where to write the copy (a relative path is taken from the current directory).", Required = true };
        var command = new Command("backup", "Copy the SQLite database consistently while the site keeps serving and writing.") { output };
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

        if (shell.Database.Provider != DatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync("error: backup copies SQLite databases; for PostgreSQL use pg_dump (see docs/operations.md), or 'recipe export' for the site's content.");
            return CommandLine.Failure;
        }

        if (File.Exists(target)) File.Delete(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // SQLite's online backup API: a consistent snapshot while the site keeps serving and writing.
        await using var source = new SqliteConnection(shell.Database.ConnectionString);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await source.OpenAsync();
        await destination.OpenAsync();
        source.BackupDatabase(destination);
        await Console.Error.WriteLineAsync($"backed up {shell.Database.Redacted()} to {target} ({new FileInfo(target).Length:N0} bytes)");
        return CommandLine.Success;
    }
}
