using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;

namespace SysRift.Contents.Parts;

/// <summary>
/// {"Widgets": [content items]}: Orchard's flow of nested items, shown in order, each by its
/// Widget-{Type} view (or the theme's Widget view). The nested items are kept as they are on save.
/// </summary>
public sealed class FlowPart : ContentPartType
{
    public override string Name => "FlowPart";

    public override string Label => "Widgets";

    public override string Description => "Nested content items (widgets) shown one after another.";

    public string ItemsProperty => "Widgets";

    public override void Validate(BlockValue value) => NestedItems.Validate(value, ItemsProperty);

    public override void Bind(EditorInput input)
    {
        // The nested items are not edited here yet: what is stored stays exactly as it is.
    }

    public override string Text(EditorField editor) => NestedItems.Describe(editor.Value, ItemsProperty);
}
