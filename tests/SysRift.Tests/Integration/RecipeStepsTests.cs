using System.Text.Json.Nodes;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Export;

namespace SysRift.Tests.Integration;

/// <summary>Orchard's "recipes" step (run other recipes by name) and "custom-settings" step (settings shaped as content).</summary>
public sealed class RecipeStepsTests
{
    private const string Child = """
        { "name": "child", "steps": [
          { "name": "ContentDefinition", "ContentTypes": [ { "Name": "Note", "DisplayName": "Note", "Settings": {},
              "ContentTypePartDefinitionRecords": [ { "PartName": "TitlePart", "Name": "TitlePart" }, { "PartName": "Note", "Name": "Note" } ] } ],
            "ContentParts": [ { "Name": "Note", "ContentPartFieldDefinitionRecords": [ { "FieldName": "NumericField", "Name": "Stars" } ] } ] },
          { "name": "content", "data": [ { "ContentItemId": "note1", "ContentType": "Note", "Latest": true, "Published": true, "TitlePart": { "Title": "[js: variables('title')]" }, "Note": { "Stars": { "Value": STARS } } } ] } ],
          "variables": { "title": "From the child" } }
        """;

    [Fact]
    public async Task A_recipes_step_runs_named_recipes_in_place_and_reports_inside_their_files()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "empty");
        var folder = Directory.CreateTempSubdirectory("sysrift-recipes-").FullName;
        try
        {
            var main = Path.Combine(folder, "main.recipe.json");
            File.WriteAllText(main, """{ "name": "main", "steps": [ { "name": "recipes", "Values": [ { "executionid": "x", "name": "child" }, { "name": "empty" } ] } ] }""");
            File.WriteAllText(Path.Combine(folder, "child.recipe.json"), Child.Replace("STARS", "\"many\"", StringComparison.Ordinal));
            Task<RecipeReport> Import(string file, bool skip = false) =>
                site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(File.ReadAllText(file), new RecipeOptions { Source = file, SkipUnsupported = skip }));

            // An error inside the child names its file and path, under the recipes step; nothing is applied.
            var refused = await Import(main);
            Assert.False(refused.Applied);
            var error = Assert.Single(refused.Errors);
            Assert.Equal("child.recipe.json:$.steps[1].data[0].Note.Stars.Value", error.JsonPath);
            Assert.Equal(0, error.StepIndex);
            Assert.Null(await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().GetAsync("note1")));

            File.WriteAllText(Path.Combine(folder, "child.recipe.json"), Child.Replace("STARS", "4", StringComparison.Ordinal));
            var report = await Import(main);
            Assert.True(report.Applied, report.Describe());
            var note = await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().GetAsync("note1"));
            Assert.Equal("From the child", note!.DisplayText);

            // A recipe that runs itself is an error; one that is nowhere is skipped when told to.
            File.WriteAllText(Path.Combine(folder, "loop.recipe.json"), """{ "name": "loop", "steps": [ { "name": "recipes", "Values": [ { "name": "loop" } ] } ] }""");
            Assert.Contains((await Import(Path.Combine(folder, "loop.recipe.json"))).Errors, p => p.Message.Contains("runs itself", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, "missing.recipe.json"), """{ "name": "missing", "steps": [ { "name": "recipes", "Values": [ { "name": "nowhere" } ] } ] }""");
            Assert.False((await Import(Path.Combine(folder, "missing.recipe.json"))).Applied);
            var skipped = await Import(Path.Combine(folder, "missing.recipe.json"), skip: true);
            Assert.True(skipped.Applied);
            Assert.Equal("$.steps[0].Values[0].name", Assert.Single(skipped.Unsupported).JsonPath);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string Custom = """
        { "name": "custom", "steps": [
          { "name": "ContentDefinition", "ContentTypes": [ { "Name": "BlogSettings", "DisplayName": "Blog settings", "Settings": { "ContentTypeSettings": { "Stereotype": "CustomSettings" } },
              "ContentTypePartDefinitionRecords": [ { "PartName": "BlogSettings", "Name": "BlogSettings" } ] } ],
            "ContentParts": [ { "Name": "BlogSettings", "ContentPartFieldDefinitionRecords": [ { "FieldName": "NumericField", "Name": "PostsOnHome" }, { "FieldName": "TextField", "Name": "Motto" } ] } ] },
          { "name": "custom-settings",
            "BlogSettings": { "ContentItemId": "bs1", "ContentType": "BlogSettings", "DisplayText": "", "BlogSettings": { "PostsOnHome": { "Value": POSTS }, "Motto": { "Text": "Write it down" } }, "Extra": { "kept": true } },
            "UnknownSettings": { "ContentType": "UnknownSettings", "UnknownSettings": { "Anything": 1 } } } ] }
        """;

    [Fact]
    public async Task Custom_settings_are_checked_as_content_kept_whole_and_exported_again()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "empty");
        Task<RecipeReport> Import(string json) => site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(json, new RecipeOptions()));

        var refused = await Import(Custom.Replace("POSTS", "\"lots\"", StringComparison.Ordinal));
        Assert.False(refused.Applied);
        Assert.Equal("$.steps[1].BlogSettings.BlogSettings.PostsOnHome.Value", Assert.Single(refused.Errors).JsonPath);

        var report = await Import(Custom.Replace("POSTS", "5", StringComparison.Ordinal));
        Assert.True(report.Applied, report.Describe());
        Assert.Contains(report.Kept, p => p.JsonPath == "$.steps[1].UnknownSettings");

        var export = await site.InScopeAsync(s => s.GetRequiredService<RecipeExporter>().ExportAsync());
        var step = export["steps"]!.AsArray().Single(s => (string?)s!["name"] == "custom-settings")!;
        var original = (JsonNode.Parse(Custom.Replace("POSTS", "5", StringComparison.Ordinal))!["steps"]![1]!.DeepClone()).AsObject();
        Assert.True(JsonNode.DeepEquals(original["BlogSettings"], step["BlogSettings"]), step.ToJsonString());
        Assert.True(JsonNode.DeepEquals(original["UnknownSettings"], step["UnknownSettings"]), step.ToJsonString());
    }
}
