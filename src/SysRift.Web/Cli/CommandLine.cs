using System.Text.Json;
using Microsoft.Data.Sqlite;
using SysRift.Core.Data;
using SysRift.Core.Site;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Export;
using SysRift.Web.Composition;

namespace SysRift.Web.Cli;

/// <summary>
/// The operator's command line, on the same binary and configuration as the site:
///   recipe validate FILE [--skip-unsupported]
///   recipe import FILE [--skip-unsupported]
///   recipe export [--out FILE]
///   backup --out FILE
/// Exit code 0 on success, 1 when the work failed (with the reason), 2 for a usage error.
/// </summary>
public static class CommandLine
{
    private const string Usage = """
        usage:
          recipe validate FILE [--skip-unsupported]   check a recipe; lists every problem; applies nothing
          recipe import FILE [--skip-unsupported]     validate, then apply in one transaction
          recipe export [--out FILE]                  write the whole site as a recipe (stdout by default)
          backup --out FILE                           consistent copy of the SQLite database while serving
          health [--url URL]                          exit 0 when URL/health/ready answers 200 (container HEALTHCHECK)
        configuration as for the site (SysRift__DataPath, SysRift__Database__Provider, ...)
        """;

    /// <summary>The first argument is a word but no command; options ("--urls ...") belong to the host.</summary>
    public static bool IsUnknownCommand(string[] args) => args.Length > 0 && !args[0].StartsWith('-') && !IsCommand(args);

    public static int UnknownCommand(string command)
    {
        Console.Error.WriteLine($"error: unknown command \"{command}\"");
        Console.Error.WriteLine(Usage);
        return 2;
    }

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "recipe" or "backup" or "health" or "help" or "--help";

    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            return args switch
            {
                ["recipe", "validate", var file, .. var rest] => await RecipeAsync(file, apply: false, rest),
                ["recipe", "import", var file, .. var rest] => await RecipeAsync(file, apply: true, rest),
                ["recipe", "export", .. var rest] => await ExportAsync(Option(rest, "--out")),
                ["backup", .. var rest] when Option(rest, "--out") is { } output => await BackupAsync(output),
                ["health", .. var rest] => await HealthAsync(Option(rest, "--url") ?? "http://localhost:8080"),
                _ => UsageError(),
            };
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}");
            return 1;
        }
    }

    private static async Task<int> RecipeAsync(string file, bool apply, string[] options)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"error: no recipe file at {Path.GetFullPath(file)}");
            return 1;
        }

        await using var host = Build();
        var shell = host.Services.GetRequiredService<SiteShell>();
        if (apply && !shell.IsRunning)
        {
            await Console.Error.WriteLineAsync("error: this site is not set up yet; run setup first (open /setup, or configure SysRift__Setup__*).");
            return 1;
        }

        if (shell.IsRunning) await host.Services.GetRequiredService<SchemaMigrator>().MigrateAsync(shell.Database);
        await using var scope = host.Services.CreateAsyncScope();
        var executor = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();
        // parameters('SiteName'), ('AdminUsername'), ('AdminUserId') are the real site's; items that name no
        // owner belong to its administrator. The audit trail names the operator who ran the command.
        var parameters = shell.IsRunning ? await scope.ServiceProvider.GetRequiredService<SiteRecipeParameters>().ReadAsync() : new(StringComparer.OrdinalIgnoreCase);
        var recipeOptions = new RecipeOptions
        {
            SkipUnsupported = options.Contains("--skip-unsupported"),
            User = parameters.GetValueOrDefault("AdminUsername"),
            AuditUser = $"{Environment.UserName} (command line)",
            Source = Path.GetFullPath(file),
            Parameters = parameters,
            Progress = new Progress<(int Done, int Total)>(p => Console.Error.WriteLine($"  content: {p.Done}/{p.Total} items")),
        };

        var json = await File.ReadAllTextAsync(file);
        var report = apply ? await executor.ImportAsync(json, recipeOptions) : await executor.ValidateAsync(json, recipeOptions);
        Console.WriteLine(report.Describe());
        return (apply ? report.Applied : report.IsValid) ? 0 : 1;
    }

    private static async Task<int> ExportAsync(string? output)
    {
        await using var host = Build();
        var shell = host.Services.GetRequiredService<SiteShell>();
        if (!shell.IsRunning)
        {
            await Console.Error.WriteLineAsync("error: this site is not set up yet; there is nothing to export.");
            return 1;
        }

        await using var scope = host.Services.CreateAsyncScope();
        var recipe = await scope.ServiceProvider.GetRequiredService<RecipeExporter>().ExportAsync();
        var json = recipe.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (output is null)
        {
            Console.WriteLine(json);
            return 0;
        }

        await File.WriteAllTextAsync(output, json);
        await Console.Error.WriteLineAsync($"exported to {Path.GetFullPath(output)}");
        return 0;
    }

    private static async Task<int> BackupAsync(string output)
    {
        await using var host = Build();
        var shell = host.Services.GetRequiredService<SiteShell>();
        if (!shell.IsRunning)
        {
            await Console.Error.WriteLineAsync("error: this site is not set up yet; there is nothing to back up.");
            return 1;
        }

        if (shell.Database.Provider != DatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync("error: backup copies SQLite databases; for PostgreSQL use pg_dump (see docs/operations.md), or 'recipe export' for the site's content.");
            return 1;
        }

        var target = Path.GetFullPath(output);
        if (File.Exists(target)) File.Delete(target);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // SQLite's online backup API: a consistent snapshot while the site keeps serving and writing.
        await using var source = new SqliteConnection(shell.Database.ConnectionString);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await source.OpenAsync();
        await destination.OpenAsync();
        source.BackupDatabase(destination);
        await Console.Error.WriteLineAsync($"backed up {shell.Database.Redacted()} to {target} ({new FileInfo(target).Length:N0} bytes)");
        return 0;
    }

    private static async Task<int> HealthAsync(string baseUrl)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(baseUrl.TrimEnd('/') + "/health/ready");
            Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"error: {baseUrl} does not answer: {exception.Message}");
            return 1;
        }
    }

    private static WebApplication Build()
    {
        // The command's own words are not configuration; everything else (env, appsettings) is the site's.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Every log line goes to stderr: stdout carries only the command's output (a report, an export).
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddSysRift(SiteModules.All());
        return builder.Build();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int UsageError()
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
