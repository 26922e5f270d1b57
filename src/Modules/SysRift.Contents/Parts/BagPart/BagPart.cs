namespace SysRift.Contents.Parts;

/// <summary>{"ContentItems": [content items]}: Orchard's bag of nested items (services, team members), shown in order.</summary>
public sealed class BagPart : NestedItemsPart
{
    public override string Name => "BagPart";

    public override string Label => "Items";

    public override string Description => "Nested content items kept inside this one, shown in order.";

    public override string ItemsProperty => "ContentItems";
}
