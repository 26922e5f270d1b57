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

/// <summary>
/// Collects problems, each with the step it belongs to. Safe to report from several threads: a Content step is
/// validated on the thread that prepares its items while the importer checks them against the site on another.
/// </summary>
public sealed class RecipeProblems
{
    private readonly List<RecipeProblem> _all = [];
    private readonly HashSet<(string Path, string Message)> _unsupported = [];
    private readonly Lock _lock = new();
    private int _errors;

    /// <summary>A copy, in the order reported.</summary>
    public IReadOnlyList<RecipeProblem> All
    {
        get
        {
            lock (_lock) return _all.ToList();
        }
    }

    // Counted as they are reported: the importer asks before every chunk, and a recipe can carry thousands of problems.
    public bool HasErrors => Volatile.Read(ref _errors) > 0;

    public bool HasUnsupported
    {
        get
        {
            lock (_lock) return _unsupported.Count > 0;
        }
    }

    /// <summary>Whether the recipe must not be applied: an error, or something unsupported that is not to be skipped.</summary>
    public bool Block(bool skipUnsupported) => HasErrors || (!skipUnsupported && HasUnsupported);

    public void Add(RecipeProblem problem)
    {
        lock (_lock)
        {
            // The same unsupported thing (a script in many items) is reported once per path.
            if (problem.Kind == ProblemKind.Unsupported && !_unsupported.Add((problem.JsonPath, problem.Message))) return;
            _all.Add(problem);
            if (problem.Kind == ProblemKind.Error) Interlocked.Increment(ref _errors);
        }
    }

    public void Error(int? step, string? stepName, string path, string message) => Add(new(ProblemKind.Error, step, stepName, path, message));

    public void Kept(int? step, string? stepName, string path, string message) => Add(new(ProblemKind.Kept, step, stepName, path, message));

    public void Warning(int? step, string? stepName, string path, string message) => Add(new(ProblemKind.Warning, step, stepName, path, message));

    public void Unsupported(int? step, string? stepName, string path, string message) => Add(new(ProblemKind.Unsupported, step, stepName, path, message));
}
