using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using SysRift.Recipes.Reading;
using SysRift.Recipes.Scripting;

namespace SysRift.Tests.Unit;

public sealed class RecipeScriptEvaluatorTests
{
    private static RecipeScriptEvaluator Evaluator(JsonObject? variables = null) => new(
        variables,
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["AdminUsername"] = "ada", ["AdminUserId"] = "u1", ["SiteName"] = "Site" },
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SysRift:RecipeVariables:Greeting"] = "hello", ["SysRift:Setup:AdminPassword"] = "secret", ["PATH"] = "/usr/bin" }).Build());

    [Fact]
    public void Evaluates_the_supported_functions()
    {
        var evaluator = Evaluator(new JsonObject { ["blogId"] = "[js:uuid()]", ["plain"] = "text" });
        var tree = new JsonObject
        {
            ["a"] = "[js: variables('blogId')]",
            ["b"] = "[js:variables(\"blogId\")]",
            ["c"] = "[js: parameters('AdminUsername')]",
            ["d"] = "[js: configuration('SysRift:RecipeVariables:Greeting', 'x')]",
            ["e"] = "[js: configuration('SysRift__RecipeVariables__Missing', 'fallback')]",
            ["f"] = new JsonArray("[js: parameters('SiteName')]", "[js: variables('plain')]"),
            ["g"] = "not [js: a script]",
        };
        var problems = new RecipeProblems();

        evaluator.EvaluateTree(tree, "$", 0, "Content", problems);

        Assert.Empty(problems.All);
        Assert.Equal(26, tree["a"]!.GetValue<string>().Length);
        Assert.Equal(tree["a"]!.GetValue<string>(), tree["b"]!.GetValue<string>()); // a variable is evaluated once
        Assert.Equal("ada", tree["c"]!.GetValue<string>());
        Assert.Equal("hello", tree["d"]!.GetValue<string>());
        Assert.Equal("fallback", tree["e"]!.GetValue<string>());
        Assert.Equal("Site", tree["f"]![0]!.GetValue<string>());
        Assert.Equal("text", tree["f"]![1]!.GetValue<string>());
        Assert.Equal("not [js: a script]", tree["g"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("[js: configuration('SysRift:Setup:AdminPassword')]")]
    [InlineData("[js: configuration('SysRift__Setup__AdminPassword', 'x')]")]
    [InlineData("[js: configuration('PATH')]")]
    [InlineData("[js: configuration('SysRift:RecipeVariables')]")]
    [InlineData("[js: configuration('SysRift:RecipeVariablesX:Greeting')]")]
    public void Configuration_outside_the_recipe_variables_section_is_an_error_at_its_path(string script)
    {
        var tree = new JsonObject { ["part"] = new JsonObject { ["value"] = script } };
        var problems = new RecipeProblems();

        Evaluator().EvaluateTree(tree, "$.steps[1]", 1, "Content", problems);

        var problem = Assert.Single(problems.All);
        Assert.Equal(ProblemKind.Error, problem.Kind);
        Assert.Equal("$.steps[1].part.value", problem.JsonPath);
        Assert.Contains("SysRift:RecipeVariables", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", tree.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("/usr/bin", tree.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluates_dates_base64_concatenation_and_files_beside_the_recipe()
    {
        var folder = Directory.CreateTempSubdirectory("sysrift-recipe-folder-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "Snippets"));
        File.WriteAllText(Path.Combine(folder, "Snippets", "footer.html"), "<p>footer</p>");
        var evaluator = new RecipeScriptEvaluator(new JsonObject { ["day"] = "2026-06-01" },
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["SiteName"] = "Site" }, null, folder);
        var tree = new JsonObject
        {
            ["now"] = "[js: new Date().toISOString()]",
            ["decoded"] = "[js: base64('aGk=')]",
            ["joined"] = "[js: 'Launch on ' + variables('day') + '! ' + parameters('SiteName')]",
            ["sum"] = "[js: 1 + 2]",
            ["mixed"] = "[js: 'v' + 2]",
            ["file"] = "[file:text('Snippets/footer.html')]",
        };
        var problems = new RecipeProblems();

        evaluator.EvaluateTree(tree, "$", 0, "Content", problems);

        Assert.Empty(problems.All);
        Assert.True(DateTime.TryParse(tree["now"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var now) && Math.Abs((DateTime.UtcNow - now.ToUniversalTime()).TotalMinutes) < 5);
        Assert.EndsWith("Z", tree["now"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("hi", tree["decoded"]!.GetValue<string>());
        Assert.Equal("Launch on 2026-06-01! Site", tree["joined"]!.GetValue<string>());
        Assert.Equal(3, tree["sum"]!.GetValue<double>());
        Assert.Equal("v2", tree["mixed"]!.GetValue<string>());
        Assert.Equal("<p>footer</p>", tree["file"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("[file:text('../outside.txt')]")]
    [InlineData("[file:text('/etc/passwd')]")]
    [InlineData("[file:text('missing.html')]")]
    public void A_file_outside_the_recipe_folder_or_missing_is_an_error(string script)
    {
        var folder = Directory.CreateTempSubdirectory("sysrift-recipe-folder-").FullName;
        var tree = new JsonObject { ["value"] = script };
        var problems = new RecipeProblems();

        new RecipeScriptEvaluator(null, new Dictionary<string, string>(), null, folder).EvaluateTree(tree, "$", 0, "Content", problems);

        Assert.Equal(ProblemKind.Error, Assert.Single(problems.All).Kind);
        Assert.Null(tree["value"]);
    }

    [Theory]
    [InlineData("[js: var x = 1; return x;]")]
    [InlineData("[file:text('Recipes/x.liquid')]")]
    [InlineData("[file:html('x')]")]
    [InlineData("[js: getUrlPrefix('/a' + 'b')]")]
    [InlineData("[js: 'a' - 'b']")]
    public void Other_scripts_are_reported_as_unsupported_at_their_path(string script)
    {
        var tree = new JsonObject { ["part"] = new JsonObject { ["value"] = script } };
        var problems = new RecipeProblems();

        Evaluator().EvaluateTree(tree, "$.steps[2]", 2, "content", problems);

        var problem = Assert.Single(problems.All);
        Assert.Equal(ProblemKind.Unsupported, problem.Kind);
        Assert.Equal("$.steps[2].part.value", problem.JsonPath);
        Assert.Equal(2, problem.StepIndex);
    }

    [Fact]
    public void Unknown_variables_and_parameters_are_errors()
    {
        var tree = new JsonObject { ["a"] = "[js: variables('nope')]", ["b"] = "[js: parameters('Nope')]" };
        var problems = new RecipeProblems();

        Evaluator().EvaluateTree(tree, "$", 1, "Content", problems);

        Assert.Equal(2, problems.All.Count(p => p.Kind == ProblemKind.Error));
        Assert.Contains(problems.All, p => p.JsonPath == "$.a" && p.Message.Contains("nope", StringComparison.Ordinal));
    }
}
