using System.Text.Json.Nodes;
using AngleSharp.Dom;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Recipes.Execution;

namespace SysRift.Tests.Integration;

/// <summary>Stored input never becomes executable in a visitor's browser, whichever way it was stored.</summary>
public sealed class HostileInputTests
{
    public static readonly string[] Corpus =
    [
        "<script>alert('x1')</script>",
        "<img src=x onerror=alert('x2')>",
        "<svg onload=alert('x3')>",
        "\"><script>alert('x4')</script>",
        "' onmouseover='alert(5)",
        "[click](javascript:alert('x6'))",
        "![img](javascript:alert('x7'))",
        "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<a href=\"javascript:alert('x9')\">x</a>",
        "</textarea><iframe src=javascript:alert(10)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(11)>",
        "[x](JaVaScRiPt:alert('x12'))",
        "<details open ontoggle=alert(13)>",
        "</script><script>alert(14)</script>",
    ];

    [Fact]
    public async Task A_corpus_of_xss_vectors_renders_inert_on_every_page_that_shows_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var site = new SiteFactory(database, recipe: "sysrift");
        var payload = string.Join("\n\n", Corpus);

        // Through a recipe: an article whose every text carries the corpus.
        var recipe = new JsonObject
        {
            ["name"] = "hostile",
            ["steps"] = new JsonArray(new JsonObject
            {
                ["name"] = "Content",
                ["data"] = new JsonArray(new JsonObject
                {
                    ["ContentItemId"] = "hostile01", ["ContentType"] = "Article", ["Published"] = true, ["Latest"] = true,
                    ["TitlePart"] = new JsonObject { ["Title"] = "Hostile " + Corpus[0] },
                    ["AutoroutePart"] = new JsonObject { ["Path"] = "articles/hostile" },
                    ["Article"] = new JsonObject
                    {
                        ["Summary"] = new JsonObject { ["Text"] = payload }, ["TlDr"] = new JsonObject { ["Text"] = Corpus[1] + Corpus[3] },
                        ["Tags"] = new JsonObject { ["Values"] = new JsonArray(Corpus.Take(4).Select(v => (JsonNode)v!).ToArray()) },
                    },
                    ["MarkdownBodyPart"] = new JsonObject { ["Markdown"] = payload },
                }),
            }),
        };
        var report = await site.InScopeAsync(s => s.GetRequiredService<RecipeExecutor>().ImportAsync(recipe.ToJsonString(), new RecipeOptions()));
        Assert.True(report.Applied, report.Describe());

        // Through the editor's path: the home headline and a principle.
        await site.InScopeAsync(async s =>
        {
            var manager = s.GetRequiredService<ContentManager>();
            var home = (await manager.GetAsync("homepage"))!;
            home.GetOrCreatePart("HomePage")["Headline"] = new JsonObject { ["Text"] = Corpus[2] + Corpus[4] };
            Assert.True((await manager.SaveAsync(home, true, null, "editor")).Succeeded);
            var principle = (await manager.GetAsync("principle01"))!;
            principle.GetOrCreatePart("TitlePart")["Title"] = Corpus[13];
            Assert.True((await manager.SaveAsync(principle, true, null, "editor")).Succeeded);
        });

        var client = site.Browser();
        foreach (var path in new[] { "/", "/articles", "/articles/hostile", "/articles?tag=" + Uri.EscapeDataString(Corpus[0]), "/search?q=hostile", "/feed.xml", "/admin" })
        {
            var response = await client.GetAsync(path);
            var document = await SiteFactory.ParseAsync(response);
            // No script element the site did not put there, no event handler, no script or data URL anywhere.
            Assert.All(document.QuerySelectorAll("script"), s => Assert.True(s.GetAttribute("src") == "/_content/SysRift.Theme/js/theme.js" || s.GetAttribute("type") == "application/ld+json", $"{path}: injected script {s.OuterHtml}"));
            foreach (var element in document.All)
            {
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{path}: event handler {element.OuterHtml[..Math.Min(120, element.OuterHtml.Length)]}");
                    if (attribute.Name is "href" or "src" or "action" or "formaction")
                        Assert.False(attribute.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || attribute.Value.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase), $"{path}: {attribute.Name}={attribute.Value}");
                }
            }

            Assert.Empty(document.QuerySelectorAll("iframe, svg, math, details[ontoggle]"));
        }

        // The text itself survives, shown as text.
        Assert.Contains("<script>alert('x1')</script>", (await SiteFactory.ParseAsync(await client.GetAsync("/articles/hostile"))).QuerySelector(".lede")!.TextContent, StringComparison.Ordinal);
    }
}
