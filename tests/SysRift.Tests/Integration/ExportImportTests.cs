using System.Text.Json.Nodes;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;
using SysRift.Recipes.Export;

namespace SysRift.Tests.Integration;

public sealed class ExportImportTests
{
    private const string Content = """
        { "name": "content", "steps": [ { "name": "Content", "data": [
          { "ContentItemId": "home", "ContentType": "HomePage", "Published": true, "Latest": true,
            "TitlePart": { "Title": "Home" }, "AutoroutePart": { "Path": "", "SetHomepage": true },
            "HomePage": { "Headline": { "Text": "I build systems to understand them." } } },
          { "ContentItemId": "a1", "ContentType": "Article", "Published": true, "Latest": true, "PublishedUtc": "2025-03-01T00:00:00Z",
            "TitlePart": { "Title": "Queues Hide Time" }, "AutoroutePart": { "Path": "articles/queues-hide-time" },
            "Article": { "Summary": { "Text": "Published summary." }, "TlDr": { "Text": "Buffers are debt." }, "Tags": { "Values": ["queues"] } },
            "MarkdownBodyPart": { "Markdown": "## Why\n\nBecause." } },
          { "ContentItemId": "a1", "ContentType": "Article", "Published": false, "Latest": true,
            "TitlePart": { "Title": "Queues Hide Time" }, "AutoroutePart": { "Path": "articles/queues-hide-time" },
            "Article": { "Summary": { "Text": "Draft summary." }, "TlDr": { "Text": "Buffers are debt." } } },
          { "ContentItemId": "a2", "ContentType": "Article", "Published": false, "Latest": true,
            "TitlePart": { "Title": "Unfinished" }, "Article": { "Summary": { "Text": "Not yet." }, "TlDr": { "Text": "Later." } } }
        ] } ] }
        """;

    private static readonly string[] Paths = ["/", "/articles/queues-hide-time", "/articles/unfinished"];

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Export_then_import_into_a_blank_instance_reproduces_the_public_pages(DatabaseProvider provider)
    {
        await using var sourceDatabase = await TestDatabase.CreateAsync(provider);
        await using var source = new SiteFactory(sourceDatabase, recipe: "blank");
        var imported = await source.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(Content, new RecipeOptions()));
        Assert.True(imported.Applied, imported.Describe());
        var before = await PagesAsync(source);
        Assert.Contains("Published summary.", before["/articles/queues-hide-time"], StringComparison.Ordinal);
        Assert.Equal("404", before["/articles/unfinished"][..3]);

        var recipe = await source.InScopeAsync(s => s.GetRequiredService<RecipeExporter>().ExportAsync());
        var json = recipe.ToJsonString();

        await using var targetDatabase = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var target = new SiteFactory(targetDatabase, recipe: "blank");
        var report = await target.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(json, new RecipeOptions()));
        Assert.True(report.Applied, report.Describe());

        Assert.Equal(before, await PagesAsync(target));
        var draft = await target.InScopeAsync(s => s.GetRequiredService<SysRift.Contents.Items.ContentManager>().GetAsync("a1"));
        Assert.Equal("Draft summary.", draft!.Field("Article", "Summary")!["Text"]!.GetValue<string>());
        Assert.Equal("Test Site", ((JsonObject)recipe["steps"]![1]!)["SiteName"]!.GetValue<string>());
    }

    private static async Task<Dictionary<string, string>> PagesAsync(SiteFactory site)
    {
        var client = site.Browser();
        var pages = new Dictionary<string, string>();
        foreach (var path in Paths)
        {
            var response = await client.GetAsync(path);
            pages[path] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        return pages;
    }
}
