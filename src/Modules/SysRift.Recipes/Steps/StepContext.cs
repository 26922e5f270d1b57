using System.Text.Json.Nodes;
using SysRift.Recipes.Reading;
using SysRift.Recipes.Scripting;

namespace SysRift.Recipes.Steps;

/// <summary>One step being validated or applied: where it is, its JSON, and where its problems go.</summary>
/// <remarks>A step of a recipe that a "recipes" step runs has the index of that step and a path inside its own file ("blog.recipe.json:$.steps[1]").</remarks>
public sealed class StepContext(int index, string name, JsonObject step, RecipeProblems problems, RecipeRun run, string? path = null)
{
    public int Index { get; } = index;
    public string Name { get; } = name;
    public JsonObject Step { get; } = step;
    public RecipeRun Run { get; } = run;
    public string Path { get; } = path ?? JsonPath.Index("$.steps", index);
    public RecipeProblems Problems { get; } = problems;

    /// <summary>A Content step's items when the reader left them in the recipe's bytes (they are not in <see cref="Step"/>).</summary>
    public StreamedArray? StreamedData { get; init; }

    /// <summary>Evaluates the scripts of what is read after planning (streamed items); those of <see cref="Step"/> are evaluated already.</summary>
    public RecipeScriptEvaluator? Scripts { get; init; }

    /// <summary>A media step's files, read and checked, for application.</summary>
    public List<(string Target, byte[] Bytes, string? AltText, string? Caption)>? PreparedMedia { get; set; }

    public bool SkipUnsupported => Run.Options.SkipUnsupported;

    public void Error(string path, string message) => Problems.Error(Index, Name, path, message);

    public void Unsupported(string path, string message) => Problems.Unsupported(Index, Name, path, message);

    /// <summary>Something SysRift does not understand that travels with the data anyway (never blocks an import).</summary>
    public void Kept(string path, string message) => Problems.Kept(Index, Name, path, message);

    public void Warning(string path, string message) => Problems.Warning(Index, Name, path, message);
}
