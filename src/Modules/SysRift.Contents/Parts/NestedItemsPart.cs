using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;

namespace SysRift.Contents.Parts;

/// <summary>
/// What FlowPart and BagPart share: a list of nested content items under one property, validated as a list,
/// shown in order (each by Widget-{Type}, then the theme's Widget view), and kept exactly as stored on save.
/// </summary>
public abstract class NestedItemsPart : ContentPartType
{
    /// <summary>The property holding the items ("Widgets", "ContentItems").</summary>
    public abstract string ItemsProperty { get; }

    public IEnumerable<JsonObject> Items(JsonObject? part) =>
        part?[ItemsProperty] is JsonArray items ? items.OfType<JsonObject>() : [];

    public override void Validate(BlockValue value)
    {
        var node = value.Property(ItemsProperty);
        if (node is null || node.GetValueKind() == JsonValueKind.Null) return;
        if (node is not JsonArray items || items.Any(i => i is not JsonObject))
            value.Error(ItemsProperty, "must be a list of content items.");
    }

    public override void Bind(EditorInput input)
    {
        // The nested items are not edited here yet: what is stored stays exactly as it is.
    }

    /// <summary>"Paragraph: Welcome", one line per nested item, for diffs.</summary>
    public override string Text(EditorField editor) =>
        string.Join("\n", Items(editor.Value).Select(i => $"{(string?)i["ContentType"] ?? "?"}: {(string?)i["DisplayText"] ?? (string?)i["TitlePart"]?["Title"] ?? ""}"));
}
