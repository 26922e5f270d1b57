using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Tests.Unit;

/// <summary>
/// The EF model and the checked-in schema scripts must agree: a model change without a new numbered
/// script fails here. Set SYSRIFT_WRITE_SCHEMA=1 once to (re)write the baseline while there is only one.
/// </summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=none")]
    public void Model_matches_the_checked_in_schema_scripts(DatabaseProvider provider, string connection)
    {
        using var context = DatabaseConfigurator.CreateContext(new DatabaseSettings(provider, connection));
        var expected = Normalize(context.Database.GenerateCreateScript());
        var migrations = SchemaMigrator.MigrationsFor(provider);

        if (Environment.GetEnvironmentVariable("SYSRIFT_WRITE_SCHEMA") == "1" && migrations.Count <= 1)
        {
            var folder = Path.Combine(RepoPaths.Root, "src", "Modules", "SysRift.Core", "Data", "Schema", provider.ToString());
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "0001_baseline.sql"), context.Database.GenerateCreateScript());
            return;
        }

        Assert.NotEmpty(migrations);
        Assert.Equal(expected, Normalize(migrations[0].Sql));
    }

    private static string Normalize(string sql) => string.Join('\n', sql.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0));
}
