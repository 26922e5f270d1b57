namespace SysRift.Recipes.Reading;

public enum ProblemKind
{
    /// <summary>The recipe is wrong: nothing is applied while one exists.</summary>
    Error,

    /// <summary>Valid Orchard Core, but SysRift cannot run it (a step, a feature, a script, an item of an unknown type): skipped.</summary>
    Unsupported,

    /// <summary>A part, field or property SysRift does not understand: kept verbatim with the item or definition, not rendered or edited.</summary>
    Kept,

    /// <summary>Worth knowing, never a reason to refuse (a recipe without a name).</summary>
    Warning,
}

/// <summary>One thing wrong with a recipe, located by step and JSON path.</summary>
public sealed record RecipeProblem(ProblemKind Kind, int? StepIndex, string? StepName, string JsonPath, string Message)
{
    public override string ToString()
    {
        var where = StepIndex is { } index ? $"step {index} ({StepName ?? "unnamed"}) at {JsonPath}" : JsonPath;
        return Kind switch
        {
            ProblemKind.Unsupported => $"unsupported: {where}: {Message}",
            ProblemKind.Kept => $"kept, not rendered: {where}: {Message}",
            ProblemKind.Warning => $"warning: {where}: {Message}",
            _ => $"error: {where}: {Message}",
        };
    }
}

/// <summary>Collects problems, each with the step it belongs to.</summary>
public sealed class RecipeProblems
{
    private readonly List<RecipeProblem> _all = [];

    public IReadOnlyList<RecipeProblem> All => _all;

    public bool HasErrors => _all.Any(p => p.Kind == ProblemKind.Error);

    public bool HasUnsupported => _all.Any(p => p.Kind == ProblemKind.Unsupported);

    public void Add(RecipeProblem problem) => _all.Add(problem);

    public void Error(int? step, string? stepName, string path, string message) => _all.Add(new(ProblemKind.Error, step, stepName, path, message));

    public void Kept(int? step, string? stepName, string path, string message) => _all.Add(new(ProblemKind.Kept, step, stepName, path, message));

    public void Warning(int? step, string? stepName, string path, string message) => _all.Add(new(ProblemKind.Warning, step, stepName, path, message));

    public void Unsupported(int? step, string? stepName, string path, string message)
    {
        // The same unsupported thing (a script in many items) is reported once per path.
        if (_all.Any(p => p.Kind == ProblemKind.Unsupported && p.JsonPath == path && p.Message == message)) return;
        _all.Add(new(ProblemKind.Unsupported, step, stepName, path, message));
    }
}
