using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace SysRift.Core.Data;

/// <summary>
/// Creates and upgrades the schema from the numbered scripts in Data/Schema/{Provider}/NNNN_name.sql.
/// Each script runs once, in its own transaction, recorded in "__SysRiftSchema". Several nodes may start
/// at once: PostgreSQL serialises them with an advisory lock, SQLite with BEGIN IMMEDIATE.
/// To change the model, add the next numbered script for both providers (SchemaTests check the model
/// still matches what the scripts build).
/// </summary>
public sealed class SchemaMigrator(ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockKey = 0x5359_5352_4946_54; // "SYSRIFT"

    public sealed record Migration(int Version, string Name, string Sql);

    public static IReadOnlyList<Migration> MigrationsFor(DatabaseProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Data.Schema.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..^4];
                var version = int.Parse(file[..4], System.Globalization.CultureInfo.InvariantCulture);
                return new Migration(version, file[5..], ReadResource(assembly, n));
            })
            .OrderBy(m => m.Version)
            .ToList();
    }

    public static int LatestVersion(DatabaseProvider provider) => MigrationsFor(provider).Max(m => m.Version);

    public async Task<int> MigrateAsync(DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        await using var connection = DatabaseConfigurator.CreateConnection(settings);
        if (settings.Provider == DatabaseProvider.Sqlite) EnsureSqliteFolder(connection.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        try
        {
            if (settings.Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
            else
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL", cancellationToken);

            await ExecuteAsync(connection, null,
                "CREATE TABLE IF NOT EXISTS \"__SysRiftSchema\" (\"Version\" integer PRIMARY KEY, \"Name\" varchar(200) NOT NULL, \"AppliedUtc\" varchar(40) NOT NULL)",
                cancellationToken);

            var applied = 0;
            foreach (var migration in MigrationsFor(settings.Provider))
            {
                if (await ApplyOneAsync(connection, settings.Provider, migration, cancellationToken)) applied++;
            }

            return applied;
        }
        finally
        {
            if (settings.Provider == DatabaseProvider.Postgres && connection.State == System.Data.ConnectionState.Open)
                await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
            await connection.CloseAsync();
        }
    }

    /// <summary>The schema version the database is at (0 when empty or unreachable as a schema).</summary>
    public static async Task<int> CurrentVersionAsync(DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        // Opening a SQLite file creates it: looking must not leave an empty database behind.
        if (settings.Provider == DatabaseProvider.Sqlite && !File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString).DataSource))
            return 0;
        await using var connection = DatabaseConfigurator.CreateConnection(settings);
        await connection.OpenAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(\"Version\"), 0) FROM \"__SysRiftSchema\"";
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return 0;
        }
    }

    private async Task<bool> ApplyOneAsync(DbConnection connection, DatabaseProvider provider, Migration migration, CancellationToken cancellationToken)
    {
        // SQLite: BEGIN IMMEDIATE takes the write lock first, so a second process waits and then sees the row.
        await using var transaction = provider == DatabaseProvider.Sqlite
            ? await BeginImmediateAsync(connection, cancellationToken)
            : await connection.BeginTransactionAsync(cancellationToken);
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = $"SELECT COUNT(*) FROM \"__SysRiftSchema\" WHERE \"Version\" = {migration.Version}";
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
        }

        logger.LogInformation("Applying schema migration {Version} {Name} on {Provider}", migration.Version, migration.Name, provider);
        await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
        await using (var record = connection.CreateCommand())
        {
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO \"__SysRiftSchema\" (\"Version\", \"Name\", \"AppliedUtc\") VALUES (@v, @n, @t)";
            AddParameter(record, "@v", migration.Version);
            AddParameter(record, "@n", migration.Name);
            AddParameter(record, "@t", DateTime.UtcNow.ToString("O"));
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static async Task<DbTransaction> BeginImmediateAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // Microsoft.Data.Sqlite opens a deferred transaction; "BEGIN IMMEDIATE" semantics come from
        // taking a write lock straight away with a no-op write inside it.
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction,
            "CREATE TABLE IF NOT EXISTS \"__SysRiftLock\" (\"Id\" integer PRIMARY KEY); DELETE FROM \"__SysRiftLock\"", cancellationToken);
        return transaction;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 120;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
