using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Core.Site;

namespace SysRift.Contents.Parts;

/// <summary>
/// Orchard's link in a menu: {"Url": "~/about", "Target": "_blank"}, its text the item's DisplayText (older
/// Orchard versions keep it as "Name"; both are read, the editor writes both).
/// </summary>
public class LinkMenuItemPart : ContentPartType
{
    public const int MaxText = 200;
    public const int MaxUrl = 2048;

    public override string Name => "LinkMenuItemPart";

    public override string Label => "Link";

    public override string Description => "A link in a menu: its text and address.";

    public override void Validate(BlockValue value)
    {
        if (value.StringProperty("Name") is { Length: > MaxText }) value.Error("Name", $"text must be at most {MaxText} characters.");
        var url = value.StringProperty("Url") ?? "";
        if (url.Length > MaxUrl) value.Error("Url", $"address must be at most {MaxUrl} characters.");
        else if (url.Length > 0 && !SafeUrl.IsSafe(url)) value.Error("Url", "address must be a site path (/about), an http(s) or mailto address.");
        if (value.StringProperty("Target") is { Length: > 0 } target && target is not ("_self" or "_blank")) value.Error("Target", "target must be _self or _blank.");
    }

    public override void Bind(EditorInput input)
    {
        input.Value["Name"] = input.Text("Name").Trim();
        input.Value["Url"] = input.Text("Url").Trim();
        input.Value["Target"] = input.Text("Target") == "_blank" ? "_blank" : "_self";
    }

    public override string? DisplayTextOf(JsonObject part) => BlockJson.Text(part, "Name") is { Length: > 0 } name ? name : null;

    public override string Text(EditorField editor) => $"{editor.Get("Name")} → {editor.Get("Url")}";

    /// <summary>An Orchard URL as a link: "~/about" is the site path "/about".</summary>
    public static string Href(string? url) => url is null ? "" : url.StartsWith("~/", StringComparison.Ordinal) ? url[1..] : url;
}
