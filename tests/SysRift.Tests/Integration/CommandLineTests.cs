using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>The command line, run as an operator runs it: the real binary in its own process.</summary>
public sealed class CommandLineTests
{
    private static Task<(int Exit, string Output, string Errors)> RunAsync(string dataPath, params string[] args) => RunAsync(dataPath, new Dictionary<string, string>(), args);

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string dataPath, Dictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = dataPath };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SysRift.Web.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["SysRift__DataPath"] = dataPath;
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            // A command that wrongly started the site must not outlive its test.
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

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

    [Theory]
    [InlineData("restore", "--from", "x.zip")]
    [InlineData("user", "list")]
    [InlineData("recpie", "import", "x.json")]
    public async Task An_unknown_command_is_a_usage_error_and_starts_nothing(params string[] args)
    {
        var dataPath = Directory.CreateTempSubdirectory("sysrift-cli-").FullName;
        var (exit, _, errors) = await RunAsync(dataPath, args);
        Assert.Equal(2, exit);
        Assert.Contains($"unknown command \"{args[0]}\"", errors, StringComparison.Ordinal);
        Assert.Contains("usage:", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataPath, "sysrift.db")));
    }

    [Fact]
    public async Task Unattended_setup_with_a_recipe_that_does_not_exist_says_so_once_and_exits_1()
    {
        var dataPath = Directory.CreateTempSubdirectory("sysrift-cli-").FullName;
        var (exit, output, errors) = await RunAsync(dataPath, new Dictionary<string, string>
        {
            ["SysRift__Setup__SiteName"] = "Site", ["SysRift__Setup__Recipe"] = "no-such-recipe", ["SysRift__Setup__AdminUserName"] = "admin",
            ["SysRift__Setup__AdminEmail"] = "admin@example.com", ["SysRift__Setup__AdminPassword"] = "a long enough passphrase",
        }, "--urls=http://127.0.0.1:0");
        var all = output + errors;

        Assert.Equal(1, exit);
        Assert.Contains("SysRift:Setup:Recipe: There is no recipe \"no-such-recipe\"", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
    }
}
