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

    [Theory]
    [InlineData("[js: new Date().toISOString()]")]
    [InlineData("[js: base64('aGk=')]")]
    [InlineData("[js: var x = 1; return x;]")]
    [InlineData("[file:text('Recipes/x.liquid')]")]
    [InlineData("[js: getUrlPrefix('/a' + 'b')]")]
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
