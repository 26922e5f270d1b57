using Npgsql;
using SysRift.Core.Data;

namespace SysRift.Tests;

/// <summary>
/// A fresh database for one test: a SQLite file in a temporary folder, or a new database on the
/// PostgreSQL server named by SYSRIFT_TEST_POSTGRES (default: postgres/postgres on 127.0.0.1:5432).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string dataPath, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataPath = dataPath;
        _postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public string DataPath { get; }

    public DatabaseSettings Settings => new(Provider, ConnectionString);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dataPath = Directory.CreateTempSubdirectory("sysrift-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
            return new TestDatabase(provider, $"Data Source={Path.Combine(dataPath, "sysrift.db")}", dataPath, null);

        var name = "sysrift_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, dataPath, name);
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>Whether the PostgreSQL test server answers. With CI=true a missing server fails the tests.</summary>
public static class PostgresServer
{
    public static string AdminConnectionString { get; } =
        Environment.GetEnvironmentVariable("SYSRIFT_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Database=postgres;Timeout=5";

    private static readonly Lazy<string?> Problem = new(() =>
    {
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return exception.Message;
        }
    });

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the server answers; otherwise why not (tests then skip, except under CI where they fail).</summary>
    public static string? Unavailable => Problem.Value;
}

/// <summary>
/// The PostgreSQL row of a provider theory: [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData].
/// Outside CI it is skipped, visibly and with the reason, when no server answers; under CI=true it
/// always runs, so a missing server fails instead of passing unseen.
/// </summary>
public sealed class PostgresDataAttribute : Xunit.Sdk.DataAttribute
{
    public PostgresDataAttribute()
    {
        if (!PostgresServer.IsCi && PostgresServer.Unavailable is { } reason) Skip = "PostgreSQL unavailable: " + reason;
    }

    public override IEnumerable<object[]> GetData(System.Reflection.MethodInfo testMethod) => [[DatabaseProvider.Postgres]];
}
