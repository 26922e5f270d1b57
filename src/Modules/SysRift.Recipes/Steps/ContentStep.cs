using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Definitions;
using SysRift.Contents.Blocks;
using SysRift.Contents.Indexing;
using SysRift.Contents.Items;
using SysRift.Contents.Parts;
using SysRift.Contents.Validation;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Ids;
using SysRift.Recipes.Reading;

namespace SysRift.Recipes.Steps;

/// <summary>
/// "Content" (or "content"): items in Orchard's JSON shape under "data". Each entry is validated against
/// its type; Published/Latest map onto the lifecycle (Published: publish this content; Latest only: save
/// it as a draft). Re-running a recipe updates items by ContentItemId; unchanged entries are left alone.
/// </summary>
public sealed class ContentStep(ContentValidator validator, ContentBuildingBlocks blocks, ContentImporter importer, ContentIndexReader indexReader, SysRiftDbContext db, DocumentStore documents) : IRecipeStep
{
    public IReadOnlyList<string> Names { get; } = ["Content"];

    public bool ValidatesWhileApplying => true;

    public async Task ValidateAsync(StepContext context, CancellationToken cancellationToken)
    {
        var dataPath = JsonPath.Property(context.Path, "data");
        if (ContentEntries.Of(context, dataPath) is not { } entries) return;

        // Only what the checks against the site need is kept.
        var claims = new List<ContentClaim>(entries.Count);
        await foreach (var (index, node) in entries.Read(context, dataPath, cancellationToken))
        {
            if (Prepare(context, node, JsonPath.Index(dataPath, index), index) is { } entry) claims.Add(entry.Claim);
        }

        await new ContentSiteChecks(db, context, dataPath).CheckAsync(claims, cancellationToken);
    }

    /// <summary>
    /// Validates and applies in one reading of the items. They are parsed on one thread, validated and prepared
    /// (with what the indexes take from them) on a second, and written by the importer on a third, each a buffer
    /// ahead of the next; each chunk is checked against the site just before it is written. The first problem
    /// that blocks the recipe stops the writing; the rest of the items are still read, to report every problem,
    /// and the executor rolls back what was written.
    /// </summary>
    public async Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        var dataPath = JsonPath.Property(context.Path, "data");
        if (ContentEntries.Of(context, dataPath) is not { } entries) return "Content: no items.";
        var blocked = () => context.Problems.Block(context.SkipUnsupported);
        var site = new ContentSiteChecks(db, context, dataPath);
        var prepared = ReadAhead.Of(PrepareAsync(context, entries, dataPath, blocked, cancellationToken), ContentImporter.ChunkSize, cancellationToken);
        var summary = await importer.ImportAsync(prepared, entries.Count, context.Run.Options, async (chunk, token) =>
        {
            await site.CheckAsync(chunk.Select(e => e.Claim).ToList(), token);
            return !blocked();
        }, cancellationToken);

        // Orchard's types that some items needed were added to the run's definitions as those items were read.
        if (!blocked()) await OrchardFeatureTypes.StoreAsync(documents, context.Run, cancellationToken);
        return summary;
    }

    private async IAsyncEnumerable<RecipeContentEntry> PrepareAsync(StepContext context, ContentEntries entries, string dataPath, Func<bool> blocked, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (index, node) in entries.Read(context, dataPath, cancellationToken))
        {
            if (Prepare(context, node, JsonPath.Index(dataPath, index), index) is not { } entry) continue;
            // Once nothing more will be written, what the indexes would take is not read either.
            yield return entry.Publish && !blocked() ? entry with { Indexed = indexReader.ReadBeforeWriting(context.Run.Definitions, entry.Item) } : entry;
        }
    }

    private RecipeContentEntry? Prepare(StepContext context, JsonNode? node, string path, int index)
    {
        if (node is not JsonObject entry)
        {
            context.Error(path, "A content item must be an object.");
            return null;
        }

        var typeName = StepJson.RequiredString(context, entry, path, "ContentType");
        if (typeName is null) return null;
        var type = context.Run.Definitions.Type(typeName);
        if (type is null && OrchardFeatureTypes.FeatureOf(typeName) is { } feature)
        {
            var added = OrchardFeatureTypes.Enable(context.Run, feature);
            context.Warning(JsonPath.Property(path, "ContentType"), $"type \"{typeName}\" is defined in code by Orchard's {feature}; SysRift defines {string.Join(", ", added)} as that feature does.");
            type = context.Run.Definitions.Type(typeName);
        }

        if (type is null)
        {
            // Orchard features define some types in code (Menu, Layer...); the recipe cannot know them here.
            context.Unsupported(JsonPath.Property(path, "ContentType"), $"content type \"{typeName}\" is not defined by this site or this recipe; the item is not imported.");
            return null;
        }

        ReportUnknownParts(context, entry, type, path);
        var item = ContentItem.FromJson(entry);
        item.ContentType = type.Name;
        if (string.IsNullOrWhiteSpace(item.ContentItemId)) item.ContentItemId = IdGenerator.NewId();
        else if (item.ContentItemId.Length > 64) context.Error(JsonPath.Property(path, "ContentItemId"), "ContentItemId must be at most 64 characters.");
        ContentNormalizer.Prepare(item, type);

        foreach (var error in validator.Validate(item, context.Run.Definitions))
            context.Error(JsonPath.Append(path, error.Path), error.Message);

        // Orchard exports give both flags; an entry with neither is an old version, which SysRift does not import.
        var latest = entry.ContainsKey("Latest") ? item.Latest : true;
        var published = item.Published;
        if (!latest && !published)
        {
            context.Unsupported(path, "an entry that is neither Latest nor Published (an old version) is not imported.");
            return null;
        }

        return new RecipeContentEntry(item, published, latest, index) { Claim = Claim(context, item, type, path, index) };
    }

    /// <summary>
    /// What the item claims that other items must not have: its path, its alias, the one item of a singleton type.
    /// A claim another item of this recipe made first is reported here; the rest are checked against the site
    /// (<see cref="ContentSiteChecks"/>).
    /// </summary>
    private static ContentClaim Claim(StepContext context, ContentItem item, ContentTypeDefinition type, string path, int index)
    {
        var id = item.ContentItemId;
        var claimedPath = item.Path is { Length: > 0 } routePath ? routePath : null;
        if (OtherClaimant(context.Run.ClaimedPaths, claimedPath, id) is { } pathOwner)
        {
            context.Error(JsonPath.Property(JsonPath.Property(path, "AutoroutePart"), "Path"), $"path \"/{claimedPath}\" is also given to item {pathOwner} in this recipe.");
            claimedPath = null;
        }

        var alias = AliasOwners.Alias(item.Content);
        if (OtherClaimant(context.Run.ClaimedAliases, alias, id) is { } aliasOwner)
        {
            context.Error(JsonPath.Property(JsonPath.Property(path, "AliasPart"), "Alias"), $"alias \"{alias}\" is also given to item {aliasOwner} in this recipe.");
            alias = null;
        }

        var singleton = type.IsSingleton;
        if (singleton && OtherClaimant(context.Run.ClaimedSingletons, type.Name, id) is { } first)
        {
            context.Error(JsonPath.Property(path, "ContentItemId"), $"{type.DisplayName} is a singleton: the site keeps one item of it ({first}); update that one instead.");
            singleton = false;
        }

        return new ContentClaim(index, id, type.Name, claimedPath, alias, singleton);
    }

    /// <summary>The first item of the recipe to claim a key has it: the other item that has it, or null (the key is now this item's).</summary>
    private static string? OtherClaimant(Dictionary<string, string> claims, string? key, string itemId) =>
        key is null || claims.TryAdd(key, itemId) || claims[key] == itemId ? null : claims[key];

    /// <summary>
    /// Reports the parts and fields of an item that SysRift does not understand. They are kept as they are:
    /// they stay in the stored item and come back in every export; they are not rendered or edited.
    /// </summary>
    private void ReportUnknownParts(StepContext context, JsonObject entry, ContentTypeDefinition type, string path)
    {
        foreach (var (key, value) in entry)
        {
            if (ContentItem.WellKnownProperties.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
            var partPath = JsonPath.Property(path, key);
            var typePart = type.Part(key);
            if (typePart is null)
            {
                context.Kept(partPath, $"\"{key}\" is not a part of type \"{type.Name}\"; it is kept with the item.");
                continue;
            }

            var kind = validator.Classify(typePart, type, context.Run.Definitions);
            if (kind == ContentValidator.PartKind.Unsupported)
            {
                context.Kept(partPath, $"part \"{typePart.PartName}\" has no SysRift block; it is kept with the item.");
                continue;
            }

            if (value is not JsonObject part) continue;
            var partDefinition = context.Run.Definitions.Part(typePart.PartName);
            foreach (var (fieldKey, fieldValue) in part)
            {
                // A registered part's own properties (Title, Path) are not fields; only objects can be.
                if (kind == ContentValidator.PartKind.Registered && fieldValue is not JsonObject) continue;
                if (kind == ContentValidator.PartKind.Registered && partDefinition is null) continue;
                var field = partDefinition?.Field(fieldKey);
                if (field is null)
                    context.Kept(JsonPath.Property(partPath, fieldKey), $"\"{fieldKey}\" is not a field of part \"{typePart.PartName}\"; it is kept with the item.");
                else if (blocks.Field(field.FieldName) is null)
                    context.Kept(JsonPath.Property(partPath, fieldKey), $"field type \"{field.FieldName}\" has no SysRift block; the value is kept with the item.");
            }
        }
    }
}
