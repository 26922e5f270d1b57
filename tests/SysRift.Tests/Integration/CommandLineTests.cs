using System.Net;
using Microsoft.Data.Sqlite;
using SysRift.Core.Data;

namespace SysRift.Tests.Integration;

/// <summary>The command line, run as an operator runs it: the real binary in its own process.</summary>
public sealed class CommandLineTests
{
    private static Task<(int Exit, string Output, string Errors)> RunAsync(string dataPath, params string[] args) => SiteProcess.RunAsync(dataPath, new Dictionary<string, string>(), args);

    private static Task<(int Exit, string Output, string Errors)> RunAsync(string dataPath, Dictionary<string, string> environment, params string[] args) => SiteProcess.RunAsync(dataPath, environment, args);

    [Fact]
    public async Task Import_export_and_backup_work_on_a_set_up_site()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var site = new SiteFactory(database, recipe: "blank", configureDatabase: false))
            site.CreateClient().Dispose();

        var recipe = TestRecipes.Write("""
            { "name": "one", "steps": [ { "name": "Content", "data": [
              { "ContentItemId": "p1", "ContentType": "Principle", "Published": true, "Latest": true,
                "TitlePart": { "Title": "Make State Visible" }, "Principle": { "Statement": { "Text": "Inspect transitions." }, "Order": { "Value": 5 } } },
              { "ContentItemId": "p2", "ContentType": "Principle", "Published": true, "Latest": true,
                "TitlePart": { "Title": "[js: 'Run by ' + parameters('SiteName')]" }, "Principle": { "Statement": { "Text": "[js: parameters('AdminUsername')]" }, "Order": { "Value": 6 } } } ] } ] }
            """);
        var import = await RunAsync(database.DataPath, "recipe", "import", recipe);
        Assert.True(import.Exit == 0, import.Output + import.Errors);
        Assert.Contains("2 created", import.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", import.Output, StringComparison.Ordinal); // log lines go to stderr

        // Parameters are the real site's, and an item that names no owner belongs to its administrator.
        var imported = await ScalarAsync(database.ConnectionString, "SELECT \"DisplayText\" || '|' || \"Data\" || '|' || COALESCE(\"Author\", '') FROM \"ContentVersions\" WHERE \"ContentItemId\" = 'p2'");
        Assert.StartsWith("Run by Test Site|", imported, StringComparison.Ordinal);
        Assert.Contains($"\"Text\":\"{SiteFactory.AdminUserName}\"", imported, StringComparison.Ordinal);
        Assert.EndsWith("|" + SiteFactory.AdminUserName, imported, StringComparison.Ordinal);

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

    private static async Task<string> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData("import", "--from", "x.zip")]
    [InlineData("users", "list")]
    [InlineData("recpie", "import", "x.json")]
    public async Task An_unknown_command_is_a_usage_error_and_starts_nothing(params string[] args)
    {
        var dataPath = Directory.CreateTempSubdirectory("sysrift-cli-").FullName;
        var (exit, _, errors) = await RunAsync(dataPath, args);
        Assert.Equal(2, exit);
        Assert.Contains($"unknown command \"{args[0]}\"", errors, StringComparison.Ordinal);
        Assert.Contains("--help", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataPath, "sysrift.db")));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("help")]
    [InlineData("recipe", "--help")]
    [InlineData("recipe", "validate", "--help")]
    [InlineData("recipe", "import", "-h")]
    [InlineData("recipe", "export", "--help")]
    [InlineData("backup", "--help")]
    [InlineData("restore", "--help")]
    [InlineData("health", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        var dataPath = Directory.CreateTempSubdirectory("sysrift-cli-").FullName;
        var (exit, output, errors) = await RunAsync(dataPath, args);
        Assert.True(exit == 0, errors);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("--help", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dataPath, "sysrift.db")));
    }

    [Theory]
    [InlineData("recipe", "import")]
    [InlineData("recipe", "validate", "a.json", "--no-such-option")]
    [InlineData("backup")]
    [InlineData("recipe")]
    public async Task A_usage_error_exits_2_and_points_at_the_help(params string[] args)
    {
        var dataPath = Directory.CreateTempSubdirectory("sysrift-cli-").FullName;
        var (exit, _, errors) = await RunAsync(dataPath, args);
        Assert.Equal(2, exit);
        Assert.Contains("error:", errors, StringComparison.Ordinal);
        Assert.Contains("--help", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_recovers_a_locked_out_account_from_the_command_line()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank", configureDatabase: false);
        site.CreateClient().Dispose();
        await AdminSession.CreateUserAsync(site, "ada", "ada's first passphrase", "Editor");
        var client = site.Browser();
        for (var i = 0; i < 5; i++) await AdminAccessTests.SignInAsync(client, "ada", "wrong guess");
        Assert.Equal(HttpStatusCode.Unauthorized, (await AdminAccessTests.SignInAsync(client, "ada", "ada's first passphrase")).StatusCode);

        var list = await RunAsync(database.DataPath, "user", "list");
        Assert.Equal(0, list.Exit);
        Assert.Matches(@"ada\t[^\n]*roles: Editor\tlocked until", list.Output);
        Assert.Equal(1, (await RunAsync(database.DataPath, "user", "unlock", "nobody")).Exit);
        Assert.Equal(0, (await RunAsync(database.DataPath, "user", "unlock", "ada")).Exit);
        Assert.Equal(HttpStatusCode.Redirect, (await AdminAccessTests.SignInAsync(site.Browser(), "ada", "ada's first passphrase")).StatusCode);

        // A reset prints a one-time password; it signs in once, to the password page and nowhere else.
        var reset = await RunAsync(database.DataPath, "user", "reset-password", "ada");
        Assert.Equal(0, reset.Exit);
        var oneTime = System.Text.RegularExpressions.Regex.Match(reset.Output, @"One-time password for ada: (\S+)").Groups[1].Value;
        Assert.Equal(23, oneTime.Length);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AdminAccessTests.SignInAsync(site.Browser(), "ada", "ada's first passphrase")).StatusCode);
        var ada = site.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await AdminAccessTests.SignInAsync(ada, "ada", oneTime)).StatusCode);
        Assert.Equal("/admin/account/password", AdminSession.Target(await ada.GetAsync("/admin/content")));
        var session = new AdminSession(site, ada);
        var changed = await session.SubmitAsync(await session.PageAsync("/admin/account/password"), "form.editor", new Dictionary<string, string>
        {
            ["CurrentPassword"] = oneTime, ["NewPassword"] = "ada's own new passphrase", ["Confirmation"] = "ada's own new passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync("/admin/content")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await AdminAccessTests.SignInAsync(site.Browser(), "ada", oneTime)).StatusCode);

        Assert.Equal(0, (await RunAsync(database.DataPath, "user", "disable-2fa", "ada")).Exit);
        Assert.Equal(0, (await RunAsync(database.DataPath, "user", "grant-admin", "ada")).Exit);
        Assert.Contains("roles: Administrator, Editor", (await RunAsync(database.DataPath, "user", "list")).Output, StringComparison.Ordinal);
        var trail = await ScalarAsync(database.ConnectionString, "SELECT group_concat(\"User\" || ':' || \"Action\", ';') FROM \"AuditEntries\" WHERE \"User\" LIKE '%(command line)'");
        foreach (var action in new[] { "Unlocked", "PasswordReset", "TwoFactorDisabled", "GrantedAdministrator" })
            Assert.Contains(":" + action, trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_go_anywhere_paths_are_relative_to_where_the_command_runs_and_progress_goes_to_stderr()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var site = new SiteFactory(database, recipe: "blank", configureDatabase: false))
            site.CreateClient().Dispose();
        // SiteProcess starts the command in the data folder: a bare file name is found there.
        var items = string.Join(",", Enumerable.Range(1, 30).Select(i => $$"""{ "ContentItemId": "n{{i}}", "ContentType": "Principle", "Published": true, "Latest": true, "TitlePart": { "Title": "Note {{i}}" }, "Principle": { "Statement": { "Text": "s" }, "Order": { "Value": {{i}} } }, "Unknown": {} }"""));
        await File.WriteAllTextAsync(Path.Combine(database.DataPath, "notes.recipe.json"), $$"""{ "name": "notes", "steps": [ { "name": "Content", "data": [ {{items}} ] }, { "name": "lucene-index" } ] }""");

        var refused = await RunAsync(database.DataPath, "recipe", "import", "notes.recipe.json");
        Assert.Equal(1, refused.Exit);
        Assert.Contains("lucene-index", refused.Output, StringComparison.Ordinal);

        var import = await RunAsync(database.DataPath, "recipe", "import", "--skip-unsupported", "notes.recipe.json");
        Assert.True(import.Exit == 0, import.Output + import.Errors);
        Assert.Contains("30 created", import.Output, StringComparison.Ordinal);
        // Not a terminal here: plain progress lines on stderr, none on stdout.
        Assert.Contains("content: 30/30 items", import.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("content:", import.Output, StringComparison.Ordinal);

        var export = await RunAsync(database.DataPath, "recipe", "export", "-o", "out/site.recipe.json");
        Assert.Equal(0, export.Exit);
        Assert.True(File.Exists(Path.Combine(database.DataPath, "out", "site.recipe.json")));
        // stdout export is clean JSON.
        var toStdout = await RunAsync(database.DataPath, "recipe", "export");
        Assert.Equal("export", System.Text.Json.Nodes.JsonNode.Parse(toStdout.Output)!["name"]!.GetValue<string>());
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
