using System.Diagnostics;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using SysRift.Core.Data;
using SysRift.Core.Diagnostics;
using SysRift.Core.Site;

namespace SysRift.Admin.Services;

/// <summary>Everything the system page shows, gathered in one place.</summary>
public sealed class SystemStatus(SiteShell shell, SysRiftDbContext db, SiteMetrics metrics, RecentErrors errors, IConfiguration configuration, SysRift.Contents.Media.MediaStore media)
{
    public sealed record Snapshot(
        string Version, TimeSpan Uptime, string Node, string Provider, string Connection, long? DatabaseBytes, int SchemaVersion, int LatestSchema,
        long CacheHits, long CacheMisses, long RecipesApplied, long RecipesRefused, long SignInFailures, MemoryFacts Memory,
        IReadOnlyList<RecentErrors.Entry> Errors, IReadOnlyList<(string Name, string AppliedUtc)> Migrations, string? DatabaseProblem,
        int MediaFiles = 0, long MediaBytes = 0);

    public async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var process = Process.GetCurrentProcess();
        var settings = shell.Database;
        long? size = null;
        var schema = 0;
        string? problem = null;
        var migrations = new List<(string, string)>();
        var (mediaFiles, mediaBytes) = (0, 0L);
        try
        {
            schema = await SchemaMigrator.CurrentVersionAsync(settings, cancellationToken);
            // SQLite: the database file and its write-ahead log (-wal, -shm), where recent commits live until a checkpoint.
            size = settings.Provider == DatabaseProvider.Sqlite
                ? SqliteFiles(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource).Sum(f => f.Length)
                : await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync(cancellationToken);
            migrations = (await db.Database.SqlQueryRaw<MigrationRow>("SELECT \"Name\", \"AppliedUtc\" FROM \"__SysRiftSchema\" ORDER BY \"Version\"").ToListAsync(cancellationToken))
                .Select(m => (m.Name, m.AppliedUtc)).ToList();
            (mediaFiles, mediaBytes) = await media.TotalsAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            problem = exception.Message;
        }

        return new Snapshot(
            typeof(SystemStatus).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            DateTime.Now - process.StartTime,
            configuration["SysRift:NodeName"] is { Length: > 0 } node ? node : Environment.MachineName,
            settings.Provider.ToString(), settings.Redacted(), size, schema, SchemaMigrator.LatestVersion(settings.Provider),
            metrics.PageCacheHits, metrics.PageCacheMisses, metrics.RecipesApplied, metrics.RecipesRefused, metrics.SignInFailures, MemoryFacts.Read(process), errors.Newest(), migrations, problem,
            mediaFiles, mediaBytes);
    }

    private static IEnumerable<FileInfo> SqliteFiles(string path) =>
        new[] { path, path + "-wal", path + "-shm" }.Select(p => new FileInfo(p)).Where(f => f.Exists);

    private sealed record MigrationRow(string Name, string AppliedUtc);
}
