using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using SysRift.Core.Data;

namespace SysRift.Tests.Unit;

/// <summary>
/// The EF model and the checked-in schema scripts must agree: every statement EF would run to create the
/// model (each table and index) must appear, as written, in one of the numbered scripts. A model change
/// without a new numbered script fails here. SYSRIFT_WRITE_SCHEMA=1 writes EF's full script next to the
/// test output (bin/.../schema-{provider}.sql) to copy the new statements from.
/// </summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=none")]
    public void Model_matches_the_checked_in_schema_scripts(DatabaseProvider provider, string connection)
    {
        using var context = DatabaseConfigurator.CreateContext(new DatabaseSettings(provider, connection));
        var generated = context.Database.GenerateCreateScript();
        if (Environment.GetEnvironmentVariable("SYSRIFT_WRITE_SCHEMA") == "1")
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, $"schema-{provider}.sql"), generated);

        var migrations = SchemaMigrator.MigrationsFor(provider);
        Assert.NotEmpty(migrations);
        var scripts = Normalize(string.Join('\n', migrations.Select(m => m.Sql)));
        var missing = Statements(generated).Where(statement => !scripts.Contains(statement, StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "The model has statements no schema script contains (add a numbered script):\n" + string.Join("\n\n", missing));
    }

    /// <summary>
    /// The compiled models (Data/CompiledModels) are generated from OnModelCreating: a change to the model that
    /// is not generated again fails here, with the command that does it.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=none")]
    public void The_compiled_model_is_the_model_OnModelCreating_builds(DatabaseProvider provider, string connection)
    {
        using var context = DatabaseConfigurator.CreateContext(new DatabaseSettings(provider, connection));
        var built = Shape(context.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model);
        var compiled = Shape(context.Model);

        Assert.True(built.SequenceEqual(compiled), "The compiled model is out of date; run src/Modules/SysRift.Core/Data/CompiledModels/regenerate.sh. Differences:\n"
            + string.Join("\n", built.Except(compiled).Select(l => "model:    " + l).Concat(compiled.Except(built).Select(l => "compiled: " + l))));
    }

    private static List<string> Shape(Microsoft.EntityFrameworkCore.Metadata.IModel model) =>
        model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e =>
            new[] { $"{e.Name} table {e.GetTableName()}" }
                .Concat(e.GetProperties().Select(p =>
                    $"{e.Name}.{p.Name} {p.ClrType.Name} column {p.GetColumnName()} {p.GetColumnType()} null={p.IsNullable} max={p.GetMaxLength()} concurrency={p.IsConcurrencyToken} generated={p.ValueGenerated} converter={p.GetValueConverter()?.ProviderClrType.Name}"))
                .Concat(e.GetKeys().Select(k => $"{e.Name} key ({string.Join(",", k.Properties.Select(p => p.Name))}) primary={k.IsPrimaryKey()}"))
                .Concat(e.GetIndexes().Select(i => $"{e.Name} index ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique}"))
                .Concat(e.GetForeignKeys().Select(f => $"{e.Name} foreign key ({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} delete={f.DeleteBehavior}")))
            .ToList();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Scripts_are_numbered_without_gaps(DatabaseProvider provider)
    {
        var versions = SchemaMigrator.MigrationsFor(provider).Select(m => m.Version).ToList();
        Assert.Equal(Enumerable.Range(1, versions.Count), versions);
    }

    private static IEnumerable<string> Statements(string sql) =>
        Normalize(sql).Split(";\n", StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim().TrimEnd(';')).Where(s => s.Length > 0 && !s.StartsWith("--", StringComparison.Ordinal));

    private static string Normalize(string sql) => string.Join('\n', sql.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0)) + "\n";
}
