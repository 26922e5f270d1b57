namespace SysRift.Contents.Parts;

/// <summary>{"Widgets": [content items]}: Orchard's flow of nested items (widgets), shown one after another.</summary>
public sealed class FlowPart : NestedItemsPart
{
    public override string Name => "FlowPart";

    public override string Label => "Widgets";

    public override string Description => "Nested content items (widgets) shown one after another.";

    public override string ItemsProperty => "Widgets";
}
