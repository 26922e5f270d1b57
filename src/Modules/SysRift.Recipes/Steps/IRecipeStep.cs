namespace SysRift.Recipes.Steps;

/// <summary>
/// A recipe step SysRift understands. Validation reports every problem and, when unsupported things are
/// to be skipped, prunes them from the step so application sees only what SysRift supports. Application
/// runs inside the recipe's one transaction and returns a line for the report.
/// </summary>
public interface IRecipeStep
{
    /// <summary>Step names, matched case-insensitively ("Content" and "content").</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Steps that others depend on (content definitions) validate first.</summary>
    int ValidationOrder => 0;

    Task ValidateAsync(StepContext context, CancellationToken cancellationToken);

    Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken);
}
