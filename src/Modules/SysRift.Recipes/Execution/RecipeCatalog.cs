using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Execution;

/// <summary>The recipes shipped with the site (recipes/*.recipe.json next to the binary), and recipe files by path.</summary>
public sealed class RecipeCatalog
{
    public RecipeCatalog() : this(Path.Combine(AppContext.BaseDirectory, "recipes")) { }

    public RecipeCatalog(string folder) => Folder = folder;

    public string Folder { get; }

    public sealed record Entry(string Name, string DisplayName, string Description, bool IsSetupRecipe, string FilePath);

    public IReadOnlyList<Entry> All()
    {
        if (!Directory.Exists(Folder)) return [];
        var entries = new List<Entry>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.recipe.json").Order())
        {
            var problems = new RecipeProblems();
            if (RecipeReader.Parse(RecipeSource.FromFile(file), problems) is { } document && RecipeReader.Describe(document, problems, file) is { } recipe)
                entries.Add(new Entry(recipe.Name, recipe.DisplayName, recipe.Description, recipe.IsSetupRecipe, file));
        }

        return entries;
    }

    public IReadOnlyList<Entry> SetupRecipes() => All().Where(e => e.IsSetupRecipe).ToList();

    /// <summary>The file of a shipped recipe by name ("sysrift"), or a path to a recipe file (operators only: command line, configuration).</summary>
    public string? Resolve(string nameOrPath) => ResolveShipped(nameOrPath) ?? (File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null);

    /// <summary>The file of a shipped recipe by name only: what a web form may choose (no path can reach other files).</summary>
    public string? ResolveShipped(string name)
    {
        var byName = All().FirstOrDefault(e => e.Name.Equals(name, StringComparison.OrdinalIgnoreCase)
            || Path.GetFileName(e.FilePath).Equals(name, StringComparison.OrdinalIgnoreCase)
            || Path.GetFileName(e.FilePath).Equals(name + ".recipe.json", StringComparison.OrdinalIgnoreCase));
        return byName?.FilePath;
    }
}
