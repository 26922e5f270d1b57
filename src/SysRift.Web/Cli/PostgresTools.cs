using System.Diagnostics;
using Npgsql;

namespace SysRift.Web.Cli;

/// <summary>
/// PostgreSQL's own client tools (pg_dump, pg_restore) for backups of a PostgreSQL site: run where installed,
/// with the connection in PG* environment variables (never on the command line, where other users could read
/// the password); where not installed, the exact command to run elsewhere, with the password left out.
/// </summary>
public static class PostgresTools
{
    public static Dictionary<string, string> Environment(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = builder.Host ?? "localhost",
            ["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = builder.Username ?? "",
            ["PGDATABASE"] = builder.Database ?? "",
        };
        if (!string.IsNullOrEmpty(builder.Password)) environment["PGPASSWORD"] = builder.Password;
        return environment;
    }

    /// <summary>Runs the tool; null when it is not installed, else its exit code and what it wrote to stderr.</summary>
    public static async Task<(int Exit, string Errors)?> RunAsync(string tool, string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in Environment(connectionString)) start.Environment[key] = value;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, (await errors).Trim());
        }
    }

    /// <summary>The command an operator runs where the tool is installed (the password as a placeholder).</summary>
    public static string Instructions(string tool, string connectionString, params string[] args)
    {
        var environment = Environment(connectionString);
        if (environment.ContainsKey("PGPASSWORD")) environment["PGPASSWORD"] = "<the database password>";
        return string.Join(' ', environment.Select(e => $"{e.Key}='{e.Value}'")) + " " + tool + " " + string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
    }
}
