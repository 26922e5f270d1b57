using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Contents.Markdown;
using SysRift.Core.Data;

namespace SysRift.Contents.Indexing;

/// <summary>
/// Reads a published version through its type definition: each registered part and each field hands its
/// value to its block's Index method. Definitions come from the scope, so a recipe indexes the types it
/// is defining in the same transaction. Scoped: the term and search indexers of one publish share one read.
/// </summary>
public sealed class ContentIndexReader(ContentBuildingBlocks blocks, ScopedDefinitions definitions, MarkdownRenderer markdown)
{
    private (ContentVersionRecord Version, string Data, ContentIndexEntry Entry)? _last;

    public async Task<ContentIndexEntry> ReadAsync(ContentVersionRecord version, CancellationToken cancellationToken)
    {
        // The same version as just read (and not changed since): the second indexer of a publish.
        if (_last is { } last && ReferenceEquals(last.Version, version) && ReferenceEquals(last.Data, version.Data)) return last.Entry;
        var entry = await ReadFreshAsync(version, cancellationToken);
        _last = (version, version.Data, entry);
        return entry;
    }

    private async Task<ContentIndexEntry> ReadFreshAsync(ContentVersionRecord version, CancellationToken cancellationToken)
    {
        var entry = new ContentIndexEntry(markdown);
        var document = await definitions.GetAsync(cancellationToken);
        if (document.Type(version.ContentType) is not { } type || JsonNode.Parse(version.Data) is not JsonObject parts) return entry;
        foreach (var typePart in type.OrderedParts())
        {
            if (SettingsReader.Property(parts, typePart.Name) is not JsonObject part) continue;
            if (blocks.Part(typePart.PartName) is { } partType)
            {
                entry.Key = typePart.Name;
                partType.Index(part, entry);
            }

            foreach (var field in document.Part(typePart.PartName)?.OrderedFields() ?? [])
            {
                if (blocks.Field(field.FieldName) is not { } fieldType || SettingsReader.Property(part, field.Name) is not JsonObject value) continue;
                entry.Key = $"{typePart.Name}.{field.Name}";
                fieldType.Index(value, entry);
            }
        }

        foreach (var (key, value) in parts)
        {
            if (type.Part(key) is null && value is JsonObject attached && blocks.Part(key) is { AttachedToItems: true } partType)
            {
                entry.Key = key;
                partType.Index(attached, entry);
            }
        }

        return entry;
    }
}
