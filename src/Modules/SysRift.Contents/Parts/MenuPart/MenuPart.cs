using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;

namespace SysRift.Contents.Parts;

/// <summary>Orchard's mark of a menu item ({}): the menu whose alias is "main-menu" is the site's navigation.</summary>
public sealed class MenuPart : ContentPartType
{
    public const string MainMenuAlias = "main-menu";

    public override string Name => "MenuPart";

    public override string Label => "Menu";

    public override string Description => "Makes the item a menu; the menu with the alias main-menu is the site's navigation.";

    public override void Validate(BlockValue value)
    {
    }

    public override void Bind(EditorInput input)
    {
    }

    public override string Text(EditorField editor) => "";
}
