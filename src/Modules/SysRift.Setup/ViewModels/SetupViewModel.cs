using SysRift.Recipes.Execution;
using SysRift.Setup.Services;

namespace SysRift.Setup.ViewModels;

public sealed class SetupViewModel
{
    public SetupRequest Form { get; init; } = new();
    public IReadOnlyList<RecipeCatalog.Entry> Recipes { get; init; } = [];
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<string> RecipeProblems { get; init; } = [];
    public bool DatabaseIsConfigured { get; init; }
    public string ConfiguredDatabase { get; init; } = "";

    public string? Error(string field) => Errors.TryGetValue(field, out var message) ? message : null;
}
