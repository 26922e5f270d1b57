namespace SysRift.Contents.Parts;

/// <summary>{"MenuItems": [menu items]}: the links of a menu (LinkMenuItem, HtmlMenuItem), in order; an item may hold its own list (a submenu).</summary>
public sealed class MenuItemsListPart : NestedItemsPart
{
    public override string Name => "MenuItemsListPart";

    public override string Label => "Menu items";

    public override string Description => "The links of a menu, in order.";

    public override string ItemsProperty => "MenuItems";

    protected override string DefaultStereotype => "MenuItem";

    /// <summary>Orchard puts a submenu on a menu item without listing the part on the item's type.</summary>
    public override bool AttachedToItems => true;
}
