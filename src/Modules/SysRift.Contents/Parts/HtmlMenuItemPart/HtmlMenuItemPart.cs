using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Html;

namespace SysRift.Contents.Parts;

/// <summary>Orchard's menu entry of HTML ({"Url", "Target", "Html"}): the HTML, sanitised, is the link's content.</summary>
public sealed class HtmlMenuItemPart : LinkMenuItemPart
{
    public override string Name => "HtmlMenuItemPart";

    public override string Label => "HTML link";

    public override string Description => "A menu entry shown as HTML (an icon and text), linking to an address.";

    public override void Validate(BlockValue value)
    {
        base.Validate(value);
        if (value.StringProperty("Html") is { Length: > HtmlRenderer.MaxLength }) value.Error("Html", $"must be at most {HtmlRenderer.MaxLength} characters.");
    }

    public override void Bind(EditorInput input)
    {
        base.Bind(input);
        input.Value["Html"] = input.Text("Html");
    }

    public override string Text(EditorField editor) => $"{editor.Get("Html")} → {editor.Get("Url")}";
}
