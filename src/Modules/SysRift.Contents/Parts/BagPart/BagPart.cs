using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;

namespace SysRift.Contents.Parts;

/// <summary>{"ContentItems": [content items]}: Orchard's bag of nested items (services, portfolio entries), shown in order.</summary>
public sealed class BagPart : ContentPartType
{
    public override string Name => "BagPart";

    public override string Label => "Items";

    public override string Description => "Nested content items kept inside this one, shown in order.";

    public string ItemsProperty => "ContentItems";

    public override void Validate(BlockValue value) => NestedItems.Validate(value, ItemsProperty);

    public override void Bind(EditorInput input)
    {
        // The nested items are not edited here yet: what is stored stays exactly as it is.
    }

    public override string Text(EditorField editor) => NestedItems.Describe(editor.Value, ItemsProperty);
}
