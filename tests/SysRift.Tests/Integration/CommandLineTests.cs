using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>The command line, run as an operator runs it: the real binary in its own process.</summary>
public sealed class CommandLineTests
{
    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string dataPath, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataPath };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SysRift.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["SysRift__DataPath"] = dataPath;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await errors);
    }

    [SharedFact]
    public async Task Validate_names_what_is_unsupported_and_exits_non_zero()
    {
        var dataPath = Directory.CreateTempSubdirectory("sysrift-cli-").FullName;
        var (exit, output, _) = await RunAsync(dataPath, "recipe", "validate", Path.Combine(RepoPaths.Fixtures, "blog.recipe.json"));

        Assert.Equal(1, exit);
        Assert.Contains("step \"lucene-index\" is not supported", output, StringComparison.Ordinal);
        Assert.Contains("part \"ListPart\" on type \"Blog\" is not supported", output, StringComparison.Ordinal);
        Assert.Contains("field type \"MediaField\"", output, StringComparison.Ordinal);
        Assert.Contains("nothing was applied", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataPath, "sysrift.db")));

        var blank = await RunAsync(dataPath, "recipe", "validate", Path.Combine(RepoPaths.Recipes, "blank.recipe.json"));
        Assert.Equal(0, blank.Exit);
        Assert.Equal(2, (await RunAsync(dataPath, "recipe", "frobnicate")).Exit);
    }

    [Fact]
    public async Task Import_export_and_backup_work_on_a_set_up_site()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var site = new SiteFactory(database, recipe: "blank", configureDatabase: false))
            site.CreateClient().Dispose();

        var recipe = TestRecipes.Write("""
            { "name": "one", "steps": [ { "name": "Content", "data": [
              { "ContentItemId": "p1", "ContentType": "Principle", "Published": true, "Latest": true,
                "TitlePart": { "Title": "Make State Visible" }, "Principle": { "Statement": { "Text": "Inspect transitions." }, "Order": { "Value": 5 } } } ] } ] }
            """);
        var import = await RunAsync(database.DataPath, "recipe", "import", recipe);
        Assert.True(import.Exit == 0, import.Output + import.Errors);
        Assert.Contains("1 created", import.Output, StringComparison.Ordinal);

        var exportFile = Path.Combine(database.DataPath, "export.recipe.json");
        Assert.Equal(0, (await RunAsync(database.DataPath, "recipe", "export", "--out", exportFile)).Exit);
        Assert.Contains("Make State Visible", await File.ReadAllTextAsync(exportFile), StringComparison.Ordinal);

        var backupFile = Path.Combine(database.DataPath, "backup", "copy.db");
        Assert.Equal(0, (await RunAsync(database.DataPath, "backup", "--out", backupFile)).Exit);
        await using var copy = new SqliteConnection($"Data Source={backupFile};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var command = copy.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"ContentVersions\" WHERE \"ContentItemId\" = 'p1' AND \"Published\" = 1";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }
}
