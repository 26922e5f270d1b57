using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SysRift.Core.Data;

namespace SysRift.Core.Site;

/// <summary>
/// The site's outer state, known before any database is touched: where its data lives, which database
/// it uses and whether setup has completed. Persisted as {DataPath}/site.json (like Orchard's tenant
/// settings) so that a database chosen on the setup form survives restarts.
/// </summary>
public sealed class SiteShell
{
    private const string FileName = "site.json";
    private readonly ILogger<SiteShell> _logger;
    private readonly DatabaseOptions _configured;
    private volatile ShellState _state;

    public SiteShell(IOptions<SysRiftOptions> options, IHostEnvironment environment, ILogger<SiteShell> logger)
    {
        _logger = logger;
        var value = options.Value;
        DataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(value.DataPath)
            ? Path.Combine(environment.ContentRootPath, "App_Data")
            : value.DataPath);
        Directory.CreateDirectory(DataPath);
        _configured = value.Database;
        _state = Load();
    }

    public string DataPath { get; }

    public bool IsRunning => _state.Running;

    /// <summary>The database this site uses now: configuration first, then what setup chose, then SQLite.</summary>
    public DatabaseSettings Database => Resolve(_state);

    /// <summary>True when the operator fixed the database in configuration (the setup form then shows it read-only).</summary>
    public bool DatabaseIsConfigured => !string.IsNullOrWhiteSpace(_configured.Provider) || !string.IsNullOrWhiteSpace(_configured.ConnectionString);

    public DatabaseSettings DefaultSqlite => new(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(DataPath, "sysrift.db")}");

    public void MarkRunning(DatabaseSettings database)
    {
        var state = new ShellState(true, database.Provider.ToString(), database.ConnectionString);
        var path = Path.Combine(DataPath, FileName);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(state, JsonOptions));
        File.Move(temporary, path, overwrite: true);
        _state = state;
        _logger.LogInformation("Site is set up on {Provider} ({Connection})", database.Provider, database.Redacted());
    }

    /// <summary>Another node (or an earlier run) completed setup in the shared database: join it.</summary>
    public void AdoptRunningDatabase() => MarkRunning(Database);

    private DatabaseSettings Resolve(ShellState state)
    {
        if (DatabaseIsConfigured)
        {
            if (!DatabaseSettings.TryParseProvider(_configured.Provider ?? "Sqlite", out var provider))
                throw new InvalidOperationException($"SysRift:Database:Provider '{_configured.Provider}' is not Sqlite or Postgres.");
            var connection = string.IsNullOrWhiteSpace(_configured.ConnectionString)
                ? provider == DatabaseProvider.Sqlite ? DefaultSqlite.ConnectionString : throw new InvalidOperationException("SysRift:Database:ConnectionString is required for Postgres.")
                : _configured.ConnectionString;
            return new DatabaseSettings(provider, connection);
        }

        if (state.Provider is not null && DatabaseSettings.TryParseProvider(state.Provider, out var chosen) && !string.IsNullOrWhiteSpace(state.ConnectionString))
            return new DatabaseSettings(chosen, state.ConnectionString);

        return DefaultSqlite;
    }

    private ShellState Load()
    {
        var path = Path.Combine(DataPath, FileName);
        if (!File.Exists(path)) return new ShellState(false, null, null);
        try
        {
            return JsonSerializer.Deserialize<ShellState>(File.ReadAllText(path), JsonOptions) ?? new ShellState(false, null, null);
        }
        catch (JsonException exception)
        {
            throw new InvalidOperationException($"{path} is not valid JSON ({exception.Message}). Fix or remove it; removing it sends the site back to setup.", exception);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private sealed record ShellState(bool Running, string? Provider, string? ConnectionString);
}
