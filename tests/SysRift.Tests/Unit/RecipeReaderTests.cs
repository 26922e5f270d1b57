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

        Assert.NotNull(root["steps"]);
        Assert.NotNull(root["steps"]![0]!["data"]);
        Assert.Equal("content", RecipeReader.StepName((System.Text.Json.Nodes.JsonObject)root["steps"]![0]!));
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
}
