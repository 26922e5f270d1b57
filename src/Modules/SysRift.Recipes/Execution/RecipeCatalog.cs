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
            if (RecipeReader.Parse(File.ReadAllText(file), problems) is { } root && RecipeReader.Describe(root, problems) is { } recipe)
                entries.Add(new Entry(recipe.Name, recipe.DisplayName, recipe.Description, recipe.IsSetupRecipe, file));
        }

        return entries;
    }

    public IReadOnlyList<Entry> SetupRecipes() => All().Where(e => e.IsSetupRecipe).ToList();

    /// <summary>The file of a shipped recipe by name ("sysrift"), or a path to a recipe file.</summary>
    public string? Resolve(string nameOrPath)
    {
        var byName = All().FirstOrDefault(e => e.Name.Equals(nameOrPath, StringComparison.OrdinalIgnoreCase)
            || Path.GetFileName(e.FilePath).Equals(nameOrPath, StringComparison.OrdinalIgnoreCase)
            || Path.GetFileName(e.FilePath).Equals(nameOrPath + ".recipe.json", StringComparison.OrdinalIgnoreCase));
        if (byName is not null) return byName.FilePath;
        return File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null;
    }
}
