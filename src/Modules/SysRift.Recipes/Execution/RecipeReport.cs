using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Execution;

/// <summary>What validating or running a recipe found and did.</summary>
public sealed class RecipeReport
{
    public RecipeDescriptor? Recipe { get; init; }
    public required IReadOnlyList<RecipeProblem> Problems { get; init; }
    public bool SkipUnsupported { get; init; }
    public bool Applied { get; init; }

    /// <summary>Applied and rolled back: <see cref="Summary"/> says what an import would change.</summary>
    public bool DryRun { get; init; }
    public IReadOnlyList<string> Summary { get; init; } = [];

    public IEnumerable<RecipeProblem> Errors => Problems.Where(p => p.Kind == ProblemKind.Error);

    public IEnumerable<RecipeProblem> Unsupported => Problems.Where(p => p.Kind == ProblemKind.Unsupported);

    /// <summary>Parts, fields and properties kept as they are, not rendered: never a reason to refuse.</summary>
    public IEnumerable<RecipeProblem> Kept => Problems.Where(p => p.Kind == ProblemKind.Kept);

    /// <summary>Nothing stands in the way of applying it (errors never; unsupported things unless skipped).</summary>
    public bool IsValid => !Errors.Any() && (SkipUnsupported || !Unsupported.Any());

    public string Describe()
    {
        var lines = new List<string>();
        if (Recipe is not null) lines.Add($"Recipe \"{Recipe.DisplayName}\" ({Recipe.Steps.Count} steps)");
        lines.AddRange(Problems.Select(p => "  " + p));
        lines.AddRange(Summary.Select(s => "  " + s));
        var errors = Errors.Count();
        var unsupported = Unsupported.Count();
        var kept = Kept.Count();
        if (kept > 0) lines.Add($"  Kept {kept} part(s), field(s) or propert(ies) SysRift does not render, as they are: they stay in the items and definitions and in every export.");
        lines.Add(DryRun
            ? "Dry run: the changes above were tried and rolled back; nothing was applied."
            : Applied
            ? $"Applied.{(unsupported > 0 ? $" Skipped {unsupported} unsupported item(s)." : "")}"
            : IsValid
                ? $"Valid: nothing applied.{(unsupported > 0 ? $" {unsupported} unsupported item(s) would be skipped." : "")}"
                : $"Refused: {errors} error(s), {unsupported} unsupported item(s){(SkipUnsupported || unsupported == 0 ? "" : " (use --skip-unsupported to import the rest)")}; nothing was applied.");
        return string.Join(Environment.NewLine, lines);
    }
}
