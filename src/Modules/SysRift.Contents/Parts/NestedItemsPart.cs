using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
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

    public override IReadOnlyList<BlockSetting> Settings { get; } =
    [
        new("ContainedContentTypes", SettingKind.Names, "Types that can be added", "Technical names, separated by commas; empty offers every type of the part's stereotype (Widget; MenuItem for menus)."),
    ];

    /// <summary>
    /// The types an editor may add: those the part's settings name (ContainedContentTypes, or Orchard's
    /// ContainedStereotypes on a BagPart), otherwise every type whose stereotype is Widget.
    /// </summary>
    public virtual IEnumerable<ContentTypeDefinition> AddableTypes(JsonObject settings, JsonObject? value, ContentDefinitionDocument definitions)
    {
        var named = SettingsReader.Strings(settings, SettingsGroup, "ContainedContentTypes");
        var stereotypes = SettingsReader.Strings(settings, SettingsGroup, "ContainedStereotypes");
        if (stereotypes.Length == 0 && named.Length == 0) stereotypes = [DefaultStereotype];
        return definitions.ContentTypeDefinitionRecords
            .Where(t => named.Contains(t.Name, StringComparer.OrdinalIgnoreCase)
                || stereotypes.Contains(SettingsReader.String(t.Settings, "ContentTypeSettings", "Stereotype") ?? "", StringComparer.OrdinalIgnoreCase))
            .OrderBy(t => t.DisplayName, StringComparer.CurrentCultureIgnoreCase);
    }

    /// <summary>What an editor may add when the settings name nothing: types of this stereotype.</summary>
    protected virtual string DefaultStereotype => "Widget";

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
        // The items are items: ContentEditorBuilder binds each through the editors of its own type.
    }

    /// <summary>"Paragraph: Welcome", one line per nested item, for diffs.</summary>
    public override string Text(EditorField editor) =>
        string.Join("\n", Items(editor.Value).Select(i => $"{(string?)i["ContentType"] ?? "?"}: {(string?)i["DisplayText"] ?? (string?)i["TitlePart"]?["Title"] ?? ""}"));
}
