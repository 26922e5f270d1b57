using SysRift.Contents.Definitions;
using SysRift.Contents.Indexing;
using SysRift.Contents.Items;
using SysRift.Recipes.Execution;

namespace SysRift.Recipes.Steps;

/// <summary>State shared by the steps of one recipe run, from validation through application.</summary>
public sealed class RecipeRun(RecipeOptions options, ContentDefinitionDocument definitions)
{
    public RecipeOptions Options { get; } = options;

    /// <summary>The site's definitions as they will be once every ContentDefinition step is applied.</summary>
    public ContentDefinitionDocument Definitions { get; } = definitions;

    /// <summary>Part names defined by the site or by any ContentDefinition step of this recipe.</summary>
    public HashSet<string> DefinedParts { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>False before setup: there is no database to check paths against.</summary>
    public bool SiteHasContent { get; init; }

    /// <summary>Public paths claimed by this recipe's items (path to item id), across steps.</summary>
    public Dictionary<string, string> ClaimedPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>The one item this recipe gives each singleton type (type to item id), across steps.</summary>
    public Dictionary<string, string> ClaimedSingletons { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Types of Orchard features (Menu, Taxonomy) this run added to <see cref="Definitions"/>, still to be stored.</summary>
    public List<ContentTypeDefinition> FeatureTypes { get; } = [];

    /// <summary>Aliases claimed by this recipe's items (alias to item id), across steps; compared without case as Orchard does.</summary>
    public Dictionary<string, string> ClaimedAliases { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One entry of a Content step, validated and ready to apply.</summary>
public sealed record RecipeContentEntry(ContentItem Item, bool Publish, bool Latest, int Index)
{
    /// <summary>What the indexes take from the item, read while the entries before it were written (items to publish).</summary>
    public ContentIndexReader.ReadInAdvance? Indexed { get; init; }

    /// <summary>What the item claims that the site must not give another item.</summary>
    public required ContentClaim Claim { get; init; }
}

/// <summary>
/// What an item of a Content step claims that other items must not have, once the recipe's own items were
/// checked: its public path and its alias (null when it has none or another item of the recipe has it first),
/// and whether it is the recipe's one item of a singleton type.
/// </summary>
public sealed record ContentClaim(int Index, string ContentItemId, string ContentType, string? Path, string? Alias, bool Singleton);
