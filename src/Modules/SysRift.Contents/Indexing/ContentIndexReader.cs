using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Contents.Items;
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
    private ReadInAdvance? _expected;

    public async Task<ContentIndexEntry> ReadAsync(ContentVersionRecord version, CancellationToken cancellationToken)
    {
        // The same version as just read (and not changed since): the second indexer of a publish.
        if (_last is { } last && ReferenceEquals(last.Version, version) && ReferenceEquals(last.Data, version.Data)) return last.Entry;
        var document = await definitions.GetAsync(cancellationToken);
        // What was read in advance holds for this version when it was read from the same text through the same definitions.
        var entry = _expected is { } expected && ReferenceEquals(expected.Definitions, document) && expected.ContentType == version.ContentType && expected.Data == version.Data
            ? expected.Entry
            : Read(document, version.ContentType, version.Data);
        _expected = null;
        _last = (version, version.Data, entry);
        return entry;
    }

    /// <summary>
    /// Reads an item before it is written, on any thread (touches nothing of this scope's state): an import
    /// prepares the next items' entries while the database takes the previous ones. Hand it to
    /// <see cref="Expect"/> before writing the item.
    /// </summary>
    public ReadInAdvance ReadBeforeWriting(ContentDefinitionDocument document, ContentItem item)
    {
        var data = item.ContentJson();
        return new ReadInAdvance(document, item.ContentType, data, Read(document, item.ContentType, data));
    }

    /// <summary>The next version to be read is expected to be this one; if it is not (its text differs), it is read as usual.</summary>
    public void Expect(ReadInAdvance entry) => _expected = entry;

    /// <summary>An item's entry read from its text before the version was written; valid for a version with the same text, type and definitions.</summary>
    public sealed record ReadInAdvance(ContentDefinitionDocument Definitions, string ContentType, string Data, ContentIndexEntry Entry);

    private ContentIndexEntry Read(ContentDefinitionDocument document, string contentType, string data)
    {
        var entry = new ContentIndexEntry(markdown);
        if (document.Type(contentType) is not { } type || JsonNode.Parse(data) is not JsonObject parts) return entry;
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
