using System.Net;
using SysRift.Core.Data;
using SysRift.Core.Site;

namespace SysRift.Tests.Integration;

public sealed class SetupTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Unattended_setup_makes_a_ready_site_and_setup_closes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        var client = site.Browser();

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Contains("\"ready\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);

        var definitions = await site.InScopeAsync(s => s.GetRequiredService<SysRift.Contents.Definitions.ContentDefinitionService>().GetAsync());
        foreach (var type in new[] { "Principle", "MentalModel", "TimelineEntry", "Article", "Experience" })
            Assert.NotNull(definitions.Type(type));
        var settings = await site.Services.GetRequiredService<SiteSettingsService>().GetAsync();
        Assert.Equal("Test Site", settings.SiteName);
        Assert.NotNull(settings.SetupCompletedUtc);
    }

    [Fact]
    public async Task The_setup_form_reports_each_field_then_sets_the_site_up()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: null, configureDatabase: false);
        var client = site.Browser();

        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location?.OriginalString);

        var form = await SiteFactory.ParseAsync(await client.GetAsync("/setup"));
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Assert.Contains(form.QuerySelectorAll("#Recipe input[type=radio]"), o => o.GetAttribute("value") == "blank");

        var bad = await client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["SiteName"] = "My site", ["TimeZone"] = "Mars/Olympus", ["Recipe"] = "blank",
            ["AdminUserName"] = "ada", ["AdminEmail"] = "not-an-email", ["AdminPassword"] = "short", ["PasswordConfirmation"] = "other",
            ["DatabaseProvider"] = "Sqlite",
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var errors = await SiteFactory.ParseAsync(bad);
        foreach (var field in new[] { "TimeZone", "AdminEmail", "AdminPassword", "PasswordConfirmation" })
            Assert.NotNull(errors.QuerySelector($"#{field}-error"));
        Assert.Equal("My site", errors.QuerySelector("#SiteName")!.GetAttribute("value")); // the user's input is kept
        Assert.False(File.Exists(Path.Combine(database.DataPath, "sysrift.db")));

        // The form chooses among shipped recipes; a path to a file on the server (even a real recipe) is refused.
        foreach (var path in new[] { Path.Combine(RepoPaths.Recipes, "blank.recipe.json"), "../../../../etc/passwd", "/etc/passwd", TestRecipes.Empty })
        {
            var traversal = await client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["SiteName"] = "My site", ["TimeZone"] = "UTC", ["Recipe"] = path, ["AllowRecipeFile"] = "true",
                ["AdminUserName"] = "ada", ["AdminEmail"] = "ada@example.com", ["AdminPassword"] = "a long passphrase", ["PasswordConfirmation"] = "a long passphrase",
                ["DatabaseProvider"] = "Sqlite",
            }));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, traversal.StatusCode);
            Assert.NotNull((await SiteFactory.ParseAsync(traversal)).QuerySelector("#Recipe-error"));
            Assert.DoesNotContain("root:", await traversal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var good = await client.PostAsync("/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["SiteName"] = "My site", ["TimeZone"] = "Europe/Paris", ["Recipe"] = "blank",
            ["AdminUserName"] = "ada", ["AdminEmail"] = "ada@example.com", ["AdminPassword"] = "a long enough passphrase", ["PasswordConfirmation"] = "a long enough passphrase",
            ["DatabaseProvider"] = "Sqlite",
        }));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.True(File.Exists(Path.Combine(database.DataPath, "site.json")));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
        Assert.Equal("Europe/Paris", (await site.Services.GetRequiredService<SiteSettingsService>().GetAsync()).TimeZoneId);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task A_failing_recipe_leaves_no_site_behind(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Valid definitions, then content that breaks a field rule: nothing of the recipe may remain.
        var recipe = TestRecipes.Write("""
            { "name": "broken", "issetuprecipe": true, "steps": [
              { "name": "ContentDefinition",
                "ContentTypes": [ { "Name": "Note", "ContentTypePartDefinitionRecords": [ { "PartName": "Note", "Name": "Note" } ] } ],
                "ContentParts": [ { "Name": "Note", "ContentPartFieldDefinitionRecords": [ { "FieldName": "NumericField", "Name": "Order", "Settings": { "NumericFieldSettings": { "Maximum": 5 } } } ] } ] },
              { "name": "Content", "data": [ { "ContentType": "Note", "Note": { "Order": { "Value": 99 } } } ] } ] }
            """);
        // As an operator starts it: the process stops with the reasons (step and JSON path) and exit code 1.
        var (exit, _, errors) = await SiteProcess.RunAsync(database.DataPath, new Dictionary<string, string>
        {
            ["SysRift__Database__Provider"] = database.Provider.ToString(), ["SysRift__Database__ConnectionString"] = database.ConnectionString,
            ["SysRift__Setup__SiteName"] = "Test Site", ["SysRift__Setup__Recipe"] = recipe, ["SysRift__Setup__AdminUserName"] = SiteFactory.AdminUserName,
            ["SysRift__Setup__AdminEmail"] = "admin@example.com", ["SysRift__Setup__AdminPassword"] = SiteFactory.AdminPassword,
        }, "--urls=http://127.0.0.1:0");
        Assert.Equal(1, exit);
        Assert.Contains("$.steps[1].data[0].Note.Order.Value", errors, StringComparison.Ordinal);

        Assert.False(File.Exists(Path.Combine(database.DataPath, "site.json")));
        if (provider == DatabaseProvider.Sqlite) Assert.False(File.Exists(Path.Combine(database.DataPath, "sysrift.db")));
        else Assert.False(await SysRift.Setup.Services.SetupService.IsSetUpAsync(database.Settings, CancellationToken.None));
    }

    [Fact]
    public async Task A_second_node_on_a_set_up_database_joins_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var first = new SiteFactory(database, recipe: "blank"))
            Assert.Equal(HttpStatusCode.OK, (await first.Browser().GetAsync("/health/ready")).StatusCode);
        File.Delete(Path.Combine(database.DataPath, "site.json"));

        // No setup configuration this time: the database itself says the site is set up.
        await using var second = new SiteFactory(database, recipe: null);
        Assert.Equal(HttpStatusCode.OK, (await second.Browser().GetAsync("/health/ready")).StatusCode);
    }
}
