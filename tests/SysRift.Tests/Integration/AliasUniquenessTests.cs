using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>An alias names one item (compared without case, as Orchard does): in the admin, in a recipe, and against the site.</summary>
public sealed class AliasUniquenessTests
{
    [Fact]
    public async Task An_alias_held_by_another_item_is_refused_on_save_and_on_import()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "empty");
        Assert.True((await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(OrchardBlocksTests.Recipe, new RecipeOptions()))).Applied);

        var result = await site.InScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var other = await contents.NewAsync("Landing");
            other.Part("TitlePart")!["Title"] = "Another";
            other.Part("AliasPart")!["Alias"] = "Open-House";
            return await contents.SaveAsync(other, publish: false, expectedRevision: null, "editor");
        });
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Path == "AliasPart.Alias" && e.Message.Contains("Open house", StringComparison.Ordinal));

        // The item that holds it keeps it when saved again.
        var again = await site.InScopeAsync(async s =>
        {
            var contents = s.GetRequiredService<ContentManager>();
            var item = (await contents.GetAsync("landing00000000000000000001", VersionOptions.Latest))!;
            return await contents.SaveAsync(item, publish: true, expectedRevision: null, "editor");
        });
        Assert.True(again.Succeeded, string.Join(" ", again.Errors.Select(e => e.Message)));

        const string Clash = """
            { "name": "clash", "steps": [ { "name": "content", "data": [
              { "ContentItemId": "landing2", "ContentType": "Landing", "Latest": true, "Published": true, "TitlePart": { "Title": "Two" }, "AliasPart": { "Alias": "open-house" } },
              { "ContentItemId": "landing3", "ContentType": "Landing", "Latest": true, "Published": true, "TitlePart": { "Title": "Three" }, "AliasPart": { "Alias": "twice" } },
              { "ContentItemId": "landing4", "ContentType": "Landing", "Latest": true, "Published": true, "TitlePart": { "Title": "Four" }, "AliasPart": { "Alias": "TWICE" } } ] } ] }
            """;
        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(Clash, new RecipeOptions()));
        Assert.False(report.Applied);
        Assert.Contains(report.Errors, p => p.JsonPath == "$.steps[0].data[0].AliasPart.Alias" && p.Message.Contains("Open house", StringComparison.Ordinal));
        Assert.Contains(report.Errors, p => p.JsonPath == "$.steps[0].data[2].AliasPart.Alias" && p.Message.Contains("landing3", StringComparison.Ordinal));
        Assert.Null(await site.InScopeAsync(s => s.GetRequiredService<ContentManager>().GetAsync("landing3", VersionOptions.Latest)));
    }
}
