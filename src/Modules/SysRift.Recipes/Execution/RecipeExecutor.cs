using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SysRift.Contents.Definitions;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.Core.Diagnostics;
using SysRift.Core.Documents;
using SysRift.Recipes.Reading;
using SysRift.Recipes.Scripting;
using SysRift.Recipes.Steps;

namespace SysRift.Recipes.Execution;

/// <summary>
/// Runs a recipe in two phases. Validate: parse, evaluate scripts, check every step against the site's
/// definitions as they will be, and collect every problem. Apply (only when nothing blocks it): all steps
/// in order inside one database transaction, so a failure leaves the site as it was. A Content step is the
/// exception when importing: its items are validated as they are applied, in one reading of them, and a
/// problem found there rolls the transaction back; the report is the same as validation alone gives.
/// </summary>
public sealed class RecipeExecutor(
    IEnumerable<IRecipeStep> steps,
    DocumentStore documents,
    ScopedDefinitions scopedDefinitions,
    SysRiftDbContext db,
    ScopedDatabase database,
    IConfiguration configuration,
    SiteMetrics metrics,
    AuditTrail audit,
    RecipeCatalog catalog,
    ILogger<RecipeExecutor> logger)
{
    private readonly IReadOnlyList<IRecipeStep> _steps = steps.ToList();

    private enum Mode { Validate, DryRun, Apply }

    public Task<RecipeReport> ValidateAsync(string json, RecipeOptions options, CancellationToken cancellationToken = default) =>
        ValidateAsync(RecipeSource.FromText(json), options, cancellationToken);

    public Task<RecipeReport> ValidateAsync(RecipeSource source, RecipeOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(source, options, Mode.Validate, cancellationToken);

    /// <summary>
    /// Validates, then applies every step inside a transaction that is rolled back: the report's summary says
    /// exactly what an import would change, and nothing is changed.
    /// </summary>
    public Task<RecipeReport> DryRunAsync(string json, RecipeOptions options, CancellationToken cancellationToken = default) =>
        DryRunAsync(RecipeSource.FromText(json), options, cancellationToken);

    public Task<RecipeReport> DryRunAsync(RecipeSource source, RecipeOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(source, options, Mode.DryRun, cancellationToken);

    public Task<RecipeReport> ImportAsync(string json, RecipeOptions options, CancellationToken cancellationToken = default) =>
        ImportAsync(RecipeSource.FromText(json), options, cancellationToken);

    /// <summary>Validates and applies; a recipe in a file is read from it as it goes (a Content step's items one at a time).</summary>
    public Task<RecipeReport> ImportAsync(RecipeSource source, RecipeOptions options, CancellationToken cancellationToken = default) =>
        RunAsync(source, options, Mode.Apply, cancellationToken);

    private async Task<RecipeReport> RunAsync(RecipeSource source, RecipeOptions options, Mode mode, CancellationToken cancellationToken)
    {
        var apply = mode != Mode.Validate;
        var problems = new RecipeProblems();
        var document = RecipeReader.Parse(source, problems);
        var recipe = document is null ? null : RecipeReader.Describe(document, problems, options.Source);
        if (recipe is null || problems.HasErrors) return Report(recipe, problems, options);

        // A site that is not set up has no schema yet: validate against empty definitions.
        // Read fresh from this scope's database (setup points it at a database the caches do not know).
        var existing = database.HasSchema
            ? await documents.GetAsync<ContentDefinitionDocument>(ContentDefinitionDocument.DocumentName, cancellationToken) ?? new ContentDefinitionDocument()
            : new ContentDefinitionDocument();
        var run = new RecipeRun(options, existing) { SiteHasContent = database.HasSchema };
        var planned = Plan(recipe, run, problems);
        foreach (var name in run.Definitions.ContentPartDefinitionRecords.Select(p => p.Name)) run.DefinedParts.Add(name);
        foreach (var (_, context) in planned.Where(p => p.Step is ContentDefinitionStep))
            foreach (var name in ContentDefinitionStep.DefinedPartNames(context.Step)) run.DefinedParts.Add(name);

        // An import validates the steps that validate as they are applied (Content) while applying them, below.
        var validatedFirst = planned.Where(p => !apply || !p.Step.ValidatesWhileApplying).ToList();
        await ValidateAsync(validatedFirst, cancellationToken);
        if (apply && problems.Block(options.SkipUnsupported))
            await ValidateAsync(planned.Except(validatedFirst), cancellationToken); // the report names every problem

        var report = Report(recipe, problems, options);
        if (mode == Mode.Apply && !report.IsValid) metrics.RecipeRun(applied: false);
        if (!apply || !report.IsValid) return report;

        var summary = new List<string>();
        // Setup runs a recipe inside its own transaction (with the admin user); otherwise the recipe owns one.
        var ownsTransaction = db.Database.CurrentTransaction is null;
        if (mode == Mode.DryRun && !ownsTransaction) throw new InvalidOperationException("A dry run needs a transaction of its own.");
        await using var transaction = ownsTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        // Indexers read the definitions this recipe is writing, which no other connection sees before commit.
        scopedDefinitions.InProgress = run.Definitions;
        using var _ = new Reset(() => scopedDefinitions.InProgress = null);
        for (var i = 0; i < planned.Count; i++)
        {
            var (step, context) = planned[i];
            using var activity = SiteMetrics.Activities.StartActivity("recipe step " + context.Name);
            activity?.SetTag("sysrift.recipe", recipe.Name);
            activity?.SetTag("sysrift.recipe.step_index", context.Index);
            try
            {
                summary.Add(await step.ApplyAsync(context, cancellationToken));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // With an outer transaction (setup), the caller rolls back on the refused report. What the recipe
                // could not do is reported; anything else (a validator's bug: Content validates here) is logged too.
                await RollBackAsync(transaction);
                problems.Error(context.Index, context.Name, context.Path, $"could not be applied, nothing was changed: {Innermost(exception)}");
                metrics.RecipeRun(applied: false);
                if (exception is RecipeApplyException or RecipeSourceChangedException or DbUpdateException)
                    logger.LogWarning("Recipe {Recipe} rolled back at step {Index} ({Name}): {Message}", recipe.Name, context.Index, context.Name, Innermost(exception));
                else logger.LogError(exception, "Recipe {Recipe} rolled back at step {Index} ({Name})", recipe.Name, context.Index, context.Name);
                return Report(recipe, problems, options);
            }

            if (problems.Block(options.SkipUnsupported))
            {
                // A step validated while applied found problems (and stopped writing): what it wrote goes, and
                // the steps after it are validated so that the report names every problem.
                await RollBackAsync(transaction);
                await ValidateAsync(planned.Skip(i + 1).Where(p => p.Step.ValidatesWhileApplying), cancellationToken);
                if (mode == Mode.Apply) metrics.RecipeRun(applied: false);
                logger.LogInformation("Recipe {Recipe} refused at step {Index} ({Name}) while applying it; nothing was changed", recipe.Name, context.Index, context.Name);
                return Report(recipe, problems, options);
            }
        }

        if (mode == Mode.DryRun)
        {
            await RollBackAsync(transaction);
            return new RecipeReport { Recipe = recipe, Problems = Ordered(problems), SkipUnsupported = options.SkipUnsupported, DryRun = true, Summary = summary };
        }

        audit.Add(options.AuditUser ?? options.User, AuditTrail.Categories.Recipes, "Import", recipe.Name, recipe.DisplayName, string.Join(" ", summary));
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        metrics.RecipeRun(applied: true);
        logger.LogInformation("Recipe {Recipe} applied: {Summary}", recipe.Name, string.Join(" ", summary));
        return new RecipeReport { Recipe = recipe, Problems = Ordered(problems), SkipUnsupported = options.SkipUnsupported, Applied = true, Summary = summary };
    }

    /// <summary>Validates steps, those others depend on (content definitions) first.</summary>
    private async Task ValidateAsync(IEnumerable<(IRecipeStep Step, StepContext Context)> steps, CancellationToken cancellationToken)
    {
        foreach (var (step, context) in steps.OrderBy(p => p.Step.ValidationOrder).ThenBy(p => p.Context.Index))
        {
            try
            {
                await step.ValidateAsync(context, cancellationToken);
            }
            catch (RecipeSourceChangedException changed)
            {
                context.Error(context.Path, $"could not be validated: {changed.Message}.");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A validator bug must still end in a report, never in a crash of the importer.
                logger.LogError(exception, "Validating step {Index} ({Name}) failed", context.Index, context.Name);
                context.Error(context.Path, $"could not be validated: {exception.Message}");
            }
        }
    }

    private async Task RollBackAsync(IDbContextTransaction? transaction)
    {
        if (transaction is not null) await transaction.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
    }

    /// <summary>How deep "recipes" steps may nest (a recipe that runs a recipe that runs one...).</summary>
    public const int MaxNestedRecipes = 4;

    /// <summary>Evaluates each step's scripts and pairs it with its handler; unknown steps are reported.</summary>
    private List<(IRecipeStep Step, StepContext Context)> Plan(RecipeDescriptor recipe, RecipeRun run, RecipeProblems problems)
    {
        var planned = new List<(IRecipeStep, StepContext)>();
        PlanSteps(recipe, run, problems, planned, run.Options.Folder, within: null, [recipe.Name]);
        return planned;
    }

    /// <summary>
    /// Plans the steps of <paramref name="recipe"/>. A "recipes" step (Orchard's: {"Values": [{"name": ...}]}) is
    /// replaced by the steps of the recipes it names, planned in its place: they are validated with everything
    /// else and applied in the same transaction. Their problems carry the index of the "recipes" step and a path
    /// inside their own file. Names resolve to the recipes shipped with SysRift, then to recipes next to the file.
    /// </summary>
    private void PlanSteps(RecipeDescriptor recipe, RecipeRun run, RecipeProblems problems, List<(IRecipeStep, StepContext)> planned, string? folder, (int Index, string File)? within, List<string> chain)
    {
        var parameters = new Dictionary<string, string>(run.Options.Parameters, StringComparer.OrdinalIgnoreCase);
        var evaluator = new RecipeScriptEvaluator(recipe.Root["variables"] as JsonObject, parameters, configuration, folder);
        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            if (recipe.Steps[i] is not JsonObject step || RecipeReader.StepName(step) is not { } name) continue;
            var index = within?.Index ?? i;
            var path = within is { } outer ? $"{outer.File}:{JsonPath.Index("$.steps", i)}" : JsonPath.Index("$.steps", i);
            var context = new StepContext(index, name, step, problems, run, path) { StreamedData = recipe.StreamedData(step), Scripts = evaluator };
            if (name.Equals("recipes", StringComparison.OrdinalIgnoreCase))
            {
                evaluator.EvaluateTree(step, path, index, name, problems);
                PlanNestedRecipes(context, run, problems, planned, folder, chain);
                continue;
            }

            var handler = _steps.FirstOrDefault(s => s.Names.Contains(name, StringComparer.OrdinalIgnoreCase));
            if (handler is null)
            {
                context.Unsupported(context.Path, $"step \"{name}\" is not supported (SysRift runs {string.Join(", ", _steps.SelectMany(s => s.Names).Append("recipes"))}).");
                continue;
            }

            evaluator.EvaluateTree(step, path, index, name, problems);
            planned.Add((handler, context));
        }
    }

    private void PlanNestedRecipes(StepContext context, RecipeRun run, RecipeProblems problems, List<(IRecipeStep, StepContext)> planned, string? folder, List<string> chain)
    {
        var values = StepJson.OptionalArray(context, context.Step, context.Path, "Values");
        var valuesPath = JsonPath.Property(context.Path, "Values");
        if (values is null)
        {
            context.Error(valuesPath, "A recipes step needs \"Values\": a list of { \"name\": recipe name }.");
            return;
        }

        for (var j = 0; j < values.Count; j++)
        {
            var entryPath = JsonPath.Index(valuesPath, j);
            if (values[j] is not JsonObject entry || StepJson.RequiredString(context, entry, entryPath, "name") is not { } name) continue;
            var namePath = JsonPath.Property(entryPath, "name");
            if (chain.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                context.Error(namePath, $"recipe \"{name}\" runs itself ({string.Join(" → ", chain.Append(name))}).");
                continue;
            }

            if (chain.Count > MaxNestedRecipes)
            {
                context.Error(namePath, $"recipes nest more than {MaxNestedRecipes} deep here.");
                continue;
            }

            if (FindRecipe(name, folder) is not { } file)
            {
                context.Unsupported(namePath, $"recipe \"{name}\" is neither shipped with SysRift nor next to this recipe; it is not run.");
                continue;
            }

            var own = new RecipeProblems();
            var document = RecipeReader.Parse(RecipeSource.FromFile(file), own);
            var nested = document is null ? null : RecipeReader.Describe(document, own, file);
            var fileName = Path.GetFileName(file);
            foreach (var problem in own.All)
                problems.Add(problem with { StepIndex = context.Index, StepName = context.Name, JsonPath = $"{fileName}:{problem.JsonPath}", Message = $"(recipe \"{name}\") {problem.Message}" });
            if (nested is null || own.HasErrors) continue;
            PlanSteps(nested, run, problems, planned, Path.GetDirectoryName(file), (context.Index, fileName), [.. chain, nested.Name]);
        }
    }

    /// <summary>A shipped recipe by name, else a *.recipe.json beside the running recipe whose name matches (uploads have no folder).</summary>
    private string? FindRecipe(string name, string? folder)
    {
        if (catalog.ResolveShipped(name) is { } shipped) return shipped;
        if (folder is null || !Directory.Exists(folder)) return null;
        return new RecipeCatalog(folder).ResolveShipped(name);
    }

    private static RecipeReport Report(RecipeDescriptor? recipe, RecipeProblems problems, RecipeOptions options) =>
        new() { Recipe = recipe, Problems = Ordered(problems), SkipUnsupported = options.SkipUnsupported };

    private static List<RecipeProblem> Ordered(RecipeProblems problems) => problems.All.OrderBy(p => p.StepIndex ?? -1).ToList();

    private static string Innermost(Exception exception)
    {
        while (exception.InnerException is not null) exception = exception.InnerException;
        return exception.Message;
    }

    private sealed class Reset(Action reset) : IDisposable
    {
        public void Dispose() => reset();
    }
}
