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

    public async Task ValidateAsync(StepContext context, CancellationToken cancellationToken)
    {
        var dataPath = JsonPath.Property(context.Path, "data");
        if (ContentEntries.Of(context, dataPath) is not { } entries) return;

        // Only what the checks across items need is kept; the items themselves are read again to be applied.
        var claims = new List<EntryClaim>(entries.Count);
        await foreach (var (index, node) in entries.Read(context, dataPath, cancellationToken))
        {
            if (Prepare(context, node, JsonPath.Index(dataPath, index), index) is { } entry)
                claims.Add(new EntryClaim(entry.Index, entry.Item.ContentItemId, entry.Item.ContentType, entry.Item.Path, AliasOwners.Alias(entry.Item.Content)));
        }

        await CheckPathsAgainstSiteAsync(context, claims, dataPath, cancellationToken);
        await CheckSingletonsAsync(context, claims, dataPath, cancellationToken);
        await CheckAliasesAgainstSiteAsync(context, claims, dataPath, cancellationToken);
    }

    public async Task<string> ApplyAsync(StepContext context, CancellationToken cancellationToken)
    {
        await OrchardFeatureTypes.StoreAsync(documents, context.Run, cancellationToken);
        // Validation reported on every item; this pass prepares them again, one chunk at a time, and says nothing.
        var quiet = context.Quietly();
        var dataPath = JsonPath.Property(context.Path, "data");
        var entries = ContentEntries.Of(quiet, dataPath)!;
        // Items are prepared (and what the indexes take from them read) on another thread while the
        // importer writes the chunk before them: the two halves of an import take about as long.
        var prepared = ReadAhead.Of(PrepareAsync(quiet, entries, dataPath, cancellationToken), ContentImporter.ChunkSize, cancellationToken);
        return await importer.ImportAsync(prepared, entries.Count, context.Run.Options, cancellationToken);
    }

    private async IAsyncEnumerable<RecipeContentEntry> PrepareAsync(StepContext context, ContentEntries entries, string dataPath, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (index, node) in entries.Read(context, dataPath, cancellationToken))
        {
            if (Prepare(context, node, JsonPath.Index(dataPath, index), index) is not { } entry) continue;
            yield return entry.Publish ? entry with { Indexed = indexReader.ReadBeforeWriting(context.Run.Definitions, entry.Item) } : entry;
        }
    }

    /// <summary>What an item claims that other items and the site must not: its id, type, path and alias.</summary>
    private sealed record EntryClaim(int Index, string ContentItemId, string ContentType, string? Path, string? Alias);

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

        if (!context.IsQuiet) ReportUnknownParts(context, entry, type, path);
        var item = ContentItem.FromJson(entry);
        item.ContentType = type.Name;
        if (string.IsNullOrWhiteSpace(item.ContentItemId)) item.ContentItemId = IdGenerator.NewId();
        else if (item.ContentItemId.Length > 64) context.Error(JsonPath.Property(path, "ContentItemId"), "ContentItemId must be at most 64 characters.");
        ContentNormalizer.Prepare(item, type);

        // Validators only report; applying reads the items again after they passed, and skips them.
        if (!context.IsQuiet)
            foreach (var error in validator.Validate(item, context.Run.Definitions))
                context.Error(JsonPath.Append(path, error.Path), error.Message);

        if (item.Path is { Length: > 0 } routePath && (item.Latest || item.Published))
        {
            if (context.Run.ClaimedPaths.TryGetValue(routePath, out var other) && other != item.ContentItemId)
                context.Error(JsonPath.Property(JsonPath.Property(path, "AutoroutePart"), "Path"), $"path \"/{routePath}\" is also given to item {other} in this recipe.");
            else context.Run.ClaimedPaths[routePath] = item.ContentItemId;
        }

        if (AliasOwners.Alias(item.Content) is { } alias && (item.Latest || item.Published))
        {
            if (context.Run.ClaimedAliases.TryGetValue(alias, out var other) && other != item.ContentItemId)
                context.Error(JsonPath.Property(JsonPath.Property(path, "AliasPart"), "Alias"), $"alias \"{alias}\" is also given to item {other} in this recipe.");
            else context.Run.ClaimedAliases[alias] = item.ContentItemId;
        }

        // Orchard exports give both flags; an entry with neither is an old version, which SysRift does not import.
        var latest = entry.ContainsKey("Latest") ? item.Latest : true;
        var published = item.Published;
        if (!latest && !published)
        {
            context.Unsupported(path, "an entry that is neither Latest nor Published (an old version) is not imported.");
            return null;
        }

        return new RecipeContentEntry(item, published, latest, index);
    }

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

    /// <summary>A singleton type (ContentTypeSettings.Singleton) gets one item: in this recipe and on the site together.</summary>
    private async Task CheckSingletonsAsync(StepContext context, List<EntryClaim> entries, string dataPath, CancellationToken cancellationToken)
    {
        foreach (var group in entries.GroupBy(e => e.ContentType, StringComparer.OrdinalIgnoreCase))
        {
            if (context.Run.Definitions.Type(group.Key) is not { IsSingleton: true } type) continue;
            var ids = group.Select(e => e.ContentItemId).Distinct(StringComparer.Ordinal).ToList();
            var onSite = context.Run.SiteHasContent
                ? await db.ContentItems.Where(i => i.ContentType == type.Name && i.Status != ContentStatus.Deleted && !ids.Contains(i.ContentItemId)).Select(i => i.ContentItemId).FirstOrDefaultAsync(cancellationToken)
                : null;
            var allowed = onSite is null ? 1 : 0;
            foreach (var extra in group.DistinctBy(e => e.ContentItemId).Skip(allowed))
                context.Error(JsonPath.Property(JsonPath.Index(dataPath, extra.Index), "ContentItemId"),
                    $"{type.DisplayName} is a singleton: the site keeps one item of it ({onSite ?? group.First().ContentItemId}); update that one instead.");
        }
    }

    private async Task CheckAliasesAgainstSiteAsync(StepContext context, List<EntryClaim> entries, string dataPath, CancellationToken cancellationToken)
    {
        if (!context.Run.SiteHasContent || !entries.Any(e => e.Alias is not null)) return;
        var owners = await AliasOwners.FindAsync(db, cancellationToken);
        foreach (var entry in entries)
        {
            if (entry.Alias is { } alias && owners.TryGetValue(alias, out var owner) && owner.ContentItemId != entry.ContentItemId)
                context.Error(JsonPath.Property(JsonPath.Property(JsonPath.Index(dataPath, entry.Index), "AliasPart"), "Alias"), $"alias \"{alias}\" is already used by \"{owner.DisplayText}\" ({owner.ContentItemId}) on this site.");
        }
    }

    private async Task CheckPathsAgainstSiteAsync(StepContext context, List<EntryClaim> entries, string dataPath, CancellationToken cancellationToken)
    {
        if (!context.Run.SiteHasContent) return;
        var byPath = entries.Where(e => e.Path is { Length: > 0 }).GroupBy(e => e.Path!).ToDictionary(g => g.Key, g => g.First());
        foreach (var chunk in byPath.Keys.Chunk(500))
        {
            var owners = await db.ContentVersions
                .Where(v => chunk.Contains(v.Path) && (v.Latest || v.Published))
                .Select(v => new { v.Path, v.ContentItemId, v.DisplayText }).ToListAsync(cancellationToken);
            foreach (var owner in owners)
            {
                var entry = byPath[owner.Path!];
                if (owner.ContentItemId == entry.ContentItemId) continue;
                context.Error(JsonPath.Append(JsonPath.Index(dataPath, entry.Index), "AutoroutePart.Path"),
                    $"path \"/{owner.Path}\" already belongs to \"{owner.DisplayText}\" ({owner.ContentItemId}) on this site.");
            }
        }
    }
}
