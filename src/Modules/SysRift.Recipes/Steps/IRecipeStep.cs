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

    /// <summary>
    /// True for a step whose application validates as it goes (a Content step: its thousands of items are read
    /// once, not once to validate and again to apply). When importing, the executor does not validate such a step
    /// beforehand; its <see cref="ApplyAsync"/> reports every problem and writes nothing once one blocks the recipe,
    /// and the executor then rolls the transaction back. <see cref="ValidateAsync"/> still serves validation alone.
    /// </summary>
    bool ValidatesWhileApplying => false;

    Task ValidateAsync(StepContext context, CancellationToken cancellationToken);

    Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken);
}
