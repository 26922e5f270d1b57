using System.Text.Json.Nodes;
using SysRift.Contents.Definitions;
using SysRift.Core.Documents;

namespace SysRift.Recipes.Steps;

/// <summary>
/// Content types that Orchard features define in code, not in recipes: Menu and its items (OrchardCore.Menu),
/// Taxonomy (OrchardCore.Taxonomies). A recipe that enables the feature, or imports an item of one of these
/// types, gets the feature's types as Orchard's migrations would make them (unless the site or the recipe
/// defines them already); they are stored with the recipe's other changes, in its transaction.
/// </summary>
public static class OrchardFeatureTypes
{
    private static readonly Dictionary<string, Func<List<ContentTypeDefinition>>> Features = new(StringComparer.OrdinalIgnoreCase)
    {
        ["OrchardCore.Menu"] = () =>
        [
            Type("Menu", "Menu", Creatable(), ("TitlePart", 0), ("AliasPart", 1), ("MenuPart", 2), ("MenuItemsListPart", 3)),
            Type("LinkMenuItem", "Link Menu Item", Stereotype("MenuItem"), ("LinkMenuItemPart", 0)),
            Type("HtmlMenuItem", "Html Menu Item", Stereotype("MenuItem"), ("HtmlMenuItemPart", 0)),
        ],
        ["OrchardCore.Taxonomies"] = () =>
        [
            Type("Taxonomy", "Taxonomy", Creatable(), ("TitlePart", 0), ("AliasPart", 1), ("AutoroutePart", 2), ("TaxonomyPart", 3)),
        ],
    };

    public static bool IsFeature(string name) => Features.ContainsKey(name);

    /// <summary>The feature that defines <paramref name="typeName"/>, if any.</summary>
    public static string? FeatureOf(string typeName) =>
        Features.FirstOrDefault(f => f.Value().Any(t => t.Name.Equals(typeName, StringComparison.OrdinalIgnoreCase))).Key;

    /// <summary>Adds the feature's types the run does not have yet; returns their names.</summary>
    public static List<string> Enable(RecipeRun run, string feature)
    {
        var added = new List<string>();
        foreach (var type in Features[feature]())
        {
            if (run.Definitions.Type(type.Name) is not null) continue;
            run.Definitions.ContentTypeDefinitionRecords.Add(type);
            run.FeatureTypes.Add(type);
            added.Add(type.Name);
        }

        return added;
    }

    /// <summary>Stores the types the run added (once), beside what the site already has.</summary>
    public static async Task StoreAsync(DocumentStore documents, RecipeRun run, CancellationToken cancellationToken)
    {
        if (run.FeatureTypes.Count == 0) return;
        var types = run.FeatureTypes.ToList();
        run.FeatureTypes.Clear();
        await ContentDefinitionService.AlterAsync(documents, document =>
        {
            foreach (var type in types.Where(t => document.Type(t.Name) is null)) document.ContentTypeDefinitionRecords.Add(type);
        }, cancellationToken);
    }

    private static ContentTypeDefinition Type(string name, string displayName, JsonObject settings, params (string Part, int Position)[] parts) => new()
    {
        Name = name,
        DisplayName = displayName,
        Settings = settings,
        ContentTypePartDefinitionRecords = parts.Select(p => new ContentTypePartDefinition
        {
            PartName = p.Part, Name = p.Part,
            Settings = new JsonObject { ["ContentTypePartSettings"] = new JsonObject { ["Position"] = p.Position.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        }).ToList(),
    };

    private static JsonObject Creatable() => new() { ["ContentTypeSettings"] = new JsonObject { ["Creatable"] = true, ["Listable"] = true, ["Draftable"] = true, ["Versionable"] = true } };

    private static JsonObject Stereotype(string stereotype) => new() { ["ContentTypeSettings"] = new JsonObject { ["Stereotype"] = stereotype } };
}
