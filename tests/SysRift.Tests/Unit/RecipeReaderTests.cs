using SysRift.Recipes.Reading;

namespace SysRift.Tests.Unit;

public sealed class RecipeReaderTests
{
    [SharedTheory]
    [InlineData("blog")]
    [InlineData("agency")]
    [InlineData("comingsoon")]
    [InlineData("fieldTest")]
    [InlineData("minimal")]
    public void Reads_every_orchard_fixture(string name)
    {
        var problems = new RecipeProblems();
        var root = RecipeReader.Parse(TestRecipes.Fixture(name), problems);
        var recipe = root is null ? null : RecipeReader.Describe(root, problems);

        Assert.Empty(problems.All);
        Assert.NotNull(recipe);
        Assert.NotEmpty(recipe.Steps);
    }

    [Fact]
    public void A_recipe_without_a_name_is_accepted_with_a_warning_that_names_its_file()
    {
        var problems = new RecipeProblems();
        var root = RecipeReader.Parse("""{ "steps": [ { "name": "Content", "data": [] } ] }""", problems)!;

        var recipe = RecipeReader.Describe(root, problems, "/recipes/Migrations/blog-migration.recipe.json");

        var warning = Assert.Single(problems.All);
        Assert.Equal(ProblemKind.Warning, warning.Kind);
        Assert.Contains("blog-migration.recipe.json", warning.Message, StringComparison.Ordinal);
        Assert.False(problems.HasErrors);
        Assert.Equal("blog-migration", recipe!.Name);
    }

    [Fact]
    public void Property_names_match_case_insensitively()
    {
        var problems = new RecipeProblems();
        var root = RecipeReader.Parse("""{ "NAME": "x", "Steps": [ { "Name": "content", "Data": [] } ] }""", problems)!;

        var step = (System.Text.Json.Nodes.JsonObject)root.Root["steps"]![0]!;
        Assert.Equal("content", RecipeReader.StepName(step));
        // A Content step's items stay in the source, found under "Data" as under "data".
        Assert.Equal(0, root.Streamed[step].Count);
    }

    [Fact]
    public void Malformed_json_names_line_and_position()
    {
        var problems = new RecipeProblems();
        var root = RecipeReader.Parse("{\n  \"name\": \"x\",\n  \"steps\": [ { \"name\": } ]\n}", problems);

        Assert.Null(root);
        var problem = Assert.Single(problems.All);
        Assert.Contains("line 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_errors_are_all_listed()
    {
        var problems = new RecipeProblems();
        var root = RecipeReader.Parse("""{ "steps": [ 42, { "nom": "x" } ], "variables": [] }""", problems)!;
        RecipeReader.Describe(root, problems);

        Assert.Contains(problems.All, p => p.JsonPath == "$.name");
        Assert.Contains(problems.All, p => p.JsonPath == "$.variables");
        Assert.Contains(problems.All, p => p.JsonPath == "$.steps[0]" && p.StepIndex == 0);
        Assert.Contains(problems.All, p => p.JsonPath == "$.steps[1].name" && p.StepIndex == 1);
    }

    /// <summary>A recipe of many items, as an editor's tools write them: a byte order mark, comments, trailing commas.</summary>
    private static string ManyItems(int count, Func<int, string>? item = null)
    {
        var builder = new System.Text.StringBuilder("\uFEFF{\n  // generated\n  \"name\": \"many\",\n  \"steps\": [\n    { \"name\": \"Content\", \"data\": [\n");
        for (var i = 0; i < count; i++)
            builder.Append("      /* item */ ").Append(item?.Invoke(i) ?? $$"""{ "ContentItemId": "item{{i}}", "ContentType": "Article", "TitlePart": { "Title": "Item {{i}} {{new string('x', 200)}}", }, }""").Append(",\n");
        return builder.Append("    ] },\n    { \"name\": \"Settings\", \"HomeRoute\": {} },\n  ],\n}\n").ToString();
    }

    [Fact]
    public void A_content_steps_items_stay_in_the_source_and_are_read_one_at_a_time_in_order()
    {
        // About 1.5 MB: the reader's buffer (64 KB) is refilled many times, items straddle its edges.
        var problems = new RecipeProblems();
        var document = RecipeReader.Parse(RecipeSource.FromText(ManyItems(6_000)), problems);

        Assert.Empty(problems.All);
        var steps = document!.Root["steps"]!.AsArray();
        var content = (System.Text.Json.Nodes.JsonObject)steps[0]!;
        Assert.Null(content["data"]);
        Assert.Equal("Settings", (string?)steps[1]!["name"]);
        var items = document.Streamed[content];
        Assert.Equal(6_000, items.Count);
        for (var pass = 0; pass < 2; pass++)
        {
            var read = items.Read().ToList();
            Assert.Equal(Enumerable.Range(0, 6_000), read.Select(r => r.Index));
            Assert.All(read, r => Assert.Equal($"item{r.Index}", (string?)r.Node!["ContentItemId"]));
        }
    }

    [Fact]
    public void A_syntax_error_deep_in_a_streamed_step_names_its_line()
    {
        var json = ManyItems(3_000, i => i == 2_500 ? """{ "ContentItemId": "broken" "ContentType": "Article" }""" : $$"""{ "ContentItemId": "item{{i}}" }""");
        var problems = new RecipeProblems();

        var document = RecipeReader.Parse(RecipeSource.FromText(json), problems);

        Assert.Null(document);
        var problem = Assert.Single(problems.All);
        var line = json.Split('\n').ToList().FindIndex(l => l.Contains("broken", StringComparison.Ordinal)) + 1;
        Assert.Contains($"line {line},", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_content_step_that_names_itself_after_its_data_is_read_whole_as_before()
    {
        var problems = new RecipeProblems();
        var document = RecipeReader.Parse("""{ "name": "x", "steps": [ { "data": [ { "ContentType": "Article" } ], "name": "Content" } ] }""", problems)!;

        Assert.Empty(document.Streamed);
        Assert.Single(document.Root["steps"]![0]!["data"]!.AsArray());
    }

    [Fact]
    public void A_property_named_twice_outside_the_items_is_refused_with_its_path()
    {
        var problems = new RecipeProblems();
        var document = RecipeReader.Parse("""{ "name": "x", "steps": [ { "name": "Settings", "HomeRoute": { "Action": "a", "action": "b" } } ] }""", problems);

        Assert.Null(document);
        Assert.Equal("$.steps[0].HomeRoute", Assert.Single(problems.All).JsonPath);
    }
}
