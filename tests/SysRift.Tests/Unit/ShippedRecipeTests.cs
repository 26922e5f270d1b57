using System.Text.Json.Nodes;
using SysRift.Recipes.Reading;

namespace SysRift.Tests.Unit;

public sealed class ShippedRecipeTests
{
    private static JsonObject Read(string file) => (JsonObject)RecipeReader.ParseNode(File.ReadAllText(Path.Combine(RepoPaths.Recipes, file)))!;

    [Fact]
    public void The_site_recipe_and_the_blank_recipe_define_the_same_content_model()
    {
        var site = Read("sysrift.recipe.json")["steps"]![0]!;
        var blank = Read("blank.recipe.json")["steps"]![0]!;
        Assert.Equal("ContentDefinition", site["name"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(site, blank), "sysrift.recipe.json and blank.recipe.json have drifted apart in their ContentDefinition step.");
    }

    [Fact]
    public void Every_article_has_a_real_body_summary_and_takeaway()
    {
        var articles = Read("sysrift.recipe.json")["steps"]![2]!["data"]!.AsArray()
            .Where(i => i!["ContentType"]!.GetValue<string>() == "Article").ToList();
        Assert.Equal(9, articles.Count);
        foreach (var article in articles)
        {
            var body = article!["MarkdownBodyPart"]!["Markdown"]!.GetValue<string>();
            Assert.True(body.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length >= 400, $"{article["DisplayText"]} has fewer than 400 words.");
            Assert.True(body.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal)) >= 3, $"{article["DisplayText"]} has fewer than 3 sections.");
            Assert.False(string.IsNullOrWhiteSpace(article["Article"]!["Summary"]!["Text"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(article["Article"]!["TlDr"]!["Text"]!.GetValue<string>()));
        }

        Assert.Equal(3, articles.Count(a => a!["Article"]!["Flagship"]!["Value"]!.GetValue<bool>()));
        Assert.Equal([1, 2, 3], articles.Select(a => a!["Article"]!["StartHere"]?["Value"]?.GetValue<int>()).Where(v => v is not null).Order().Select(v => v!.Value));
    }
}
