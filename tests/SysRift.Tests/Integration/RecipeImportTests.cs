using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Definitions;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Reading;

namespace SysRift.Tests.Integration;

public sealed class RecipeImportTests
{
    private static Task<RecipeReport> RunAsync(SiteFactory site, string json, bool apply, bool skipUnsupported = false) =>
        site.InScopeAsync(services =>
        {
            var executor = services.GetRequiredService<RecipeExecutor>();
            var options = new RecipeOptions
            {
                SkipUnsupported = skipUnsupported,
                Parameters = new(StringComparer.OrdinalIgnoreCase) { ["AdminUsername"] = "admin", ["AdminUserId"] = "admin-id", ["SiteName"] = "Test" },
            };
            return apply ? executor.ImportAsync(json, options) : executor.ValidateAsync(json, options);
        });

    private static Task<int> CountVersionsAsync(SiteFactory site) =>
        site.InScopeAsync(s => s.GetRequiredService<SysRiftDbContext>().ContentVersions.CountAsync());

    [SharedTheory]
    [InlineData("blog", new[] { "lucene-index", "layers", "queries", "AdminTrees", "TheBlogTheme" })]
    [InlineData("agency", new[] { "media", "Templates", "MediaProfiles" })]
    [InlineData("comingsoon", new[] { "FormPart", "WorkflowType", "Templates", "getUrlPrefix" })]
    [InlineData("fieldTest", new[] { "UserPickerField", "DIndexPart" })]
    [InlineData("minimal", new[] { "OrchardCore.Diagnostics", "TheTheme" })]
    public async Task Orchard_recipes_validate_with_every_unsupported_thing_named_and_import_the_rest(string fixture, string[] named)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: TestRecipes.Empty);
        var json = TestRecipes.Fixture(fixture);

        var validation = await RunAsync(site, json, apply: false);
        Assert.False(validation.IsValid);
        Assert.Empty(validation.Errors);
        var text = validation.Describe();
        foreach (var name in named) Assert.Contains(name, text, StringComparison.Ordinal);

        var before = await CountVersionsAsync(site);
        var import = await RunAsync(site, json, apply: true, skipUnsupported: true);
        Assert.True(import.Applied, import.Describe());

        var definitions = await site.InScopeAsync(s => s.GetRequiredService<ContentDefinitionService>().GetAsync());
        var recipeTypes = Json(json)?["steps"]!.AsArray().Select(s => s!["ContentTypes"]).Where(t => t is not null)
            .SelectMany(t => t!.AsArray()).Select(t => t!["Name"]!.GetValue<string>()).ToList() ?? [];
        foreach (var type in recipeTypes) Assert.NotNull(definitions.Type(type));
        if (fixture == "fieldTest")
        {
            Assert.Equal(before + 1, await CountVersionsAsync(site));
            var message = await site.InScopeAsync(s => s.GetRequiredService<SysRift.Contents.Items.ContentManager>().GetAsync("testId1"));
            Assert.Equal("TextFieldTestValue", message!.Field("Message", "TextFieldTest")!["Text"]!.GetValue<string>());
            Assert.Equal("admin", message.Author);
            // Values travel with the item as they were given, whether SysRift has a block for them (MediaField) or not.
            Assert.Equal(Json(json)!["steps"]!.AsArray().First(s => (string?)s!["name"] == "content")!["data"]![0]!["Message"]!["MediaFieldTest"]!.ToJsonString(),
                message.Field("Message", "MediaFieldTest")!.ToJsonString());
            Assert.Contains(import.Kept, p => p.JsonPath.EndsWith(".Message.UserPickerFieldTest", StringComparison.Ordinal));
        }
    }

    [SharedFact]
    public async Task Definitions_merge_into_the_sites_own_and_their_rules_apply()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");

        // The blog recipe's Article merges into SysRift's Article, whose Summary is required.
        var report = await RunAsync(site, TestRecipes.Fixture("blog"), apply: true, skipUnsupported: true);

        Assert.False(report.Applied);
        Assert.Contains(report.Errors, e => e.JsonPath == "$.steps[5].data[3].Article.Summary.Text");
    }

    [Fact]
    public async Task A_malformed_recipe_lists_every_problem_and_applies_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "blank");
        var json = """
            {
              // comments are fine
              "name": "bad",
              "steps": [
                { "name": "ContentDefinition", "ContentTypes": [ { "DisplayName": "No name" }, { "Name": "Ok", "ContentTypePartDefinitionRecords": [ { "Name": "x" } ] } ] },
                { "name": "Settings", "PageSize": 0, "TimeZoneId": "Nowhere/Land" },
                { "name": "Content", "data": [
                    { "ContentType": "Principle", "TitlePart": { "Title": "Ok" }, "Principle": { "Statement": { "Text": "fine" }, "Order": { "Value": 1 } } },
                    { "ContentType": "Principle", "Principle": { "Order": { "Value": "one" } } }
                ] }
              ]
            }
            """;
        var before = await CountVersionsAsync(site);

        var report = await RunAsync(site, json, apply: true);

        Assert.False(report.Applied);
        var errors = report.Errors.Select(e => (e.StepIndex, e.JsonPath)).ToList();
        Assert.Contains((0, "$.steps[0].ContentTypes[0].Name"), errors);
        Assert.Contains((0, "$.steps[0].ContentTypes[1].ContentTypePartDefinitionRecords[0].PartName"), errors);
        Assert.Contains((1, "$.steps[1].PageSize"), errors);
        Assert.Contains((1, "$.steps[1].TimeZoneId"), errors);
        Assert.Contains((2, "$.steps[2].data[1].TitlePart.Title"), errors);
        Assert.Contains((2, "$.steps[2].data[1].Principle.Statement.Text"), errors);
        Assert.Contains((2, "$.steps[2].data[1].Principle.Order.Value"), errors);
        Assert.All(report.Errors, e => Assert.NotNull(e.StepName));
        Assert.Equal(before, await CountVersionsAsync(site));
        Assert.Null((await site.InScopeAsync(s => s.GetRequiredService<ContentDefinitionService>().GetAsync())).Type("Ok"));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Rerunning_a_recipe_updates_by_id_instead_of_duplicating(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var site = new SiteFactory(database, recipe: "blank");
        string Recipe(string statement) => $$"""
            { "name": "p", "steps": [ { "name": "content", "Data": [
              { "ContentItemId": "principle01", "ContentType": "Principle", "Published": true, "Latest": true,
                "TitlePart": { "Title": "Build Before Consuming" }, "Principle": { "Statement": { "Text": "{{statement}}" }, "Order": { "Value": 1 } } } ] } ] }
            """;

        Assert.True((await RunAsync(site, Recipe("First."), apply: true)).Applied);
        var again = await RunAsync(site, Recipe("First."), apply: true);
        Assert.Contains("0 created, 0 updated, 1 unchanged", string.Join(" ", again.Summary), StringComparison.Ordinal);
        var changed = await RunAsync(site, Recipe("Second."), apply: true);
        Assert.Contains("0 created, 1 updated", string.Join(" ", changed.Summary), StringComparison.Ordinal);

        await site.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<SysRiftDbContext>();
            Assert.Equal(1, await db.ContentItems.CountAsync(i => i.ContentItemId == "principle01"));
            Assert.Equal(2, await db.ContentVersions.CountAsync(v => v.ContentItemId == "principle01"));
            var published = await db.ContentVersions.SingleAsync(v => v.ContentItemId == "principle01" && v.Published);
            Assert.Contains("Second.", published.Data, StringComparison.Ordinal);
            Assert.True(published.Latest);
        });
    }

    private static System.Text.Json.Nodes.JsonObject? Json(string json) => RecipeReader.ParseNode(json) as System.Text.Json.Nodes.JsonObject;
}
