using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;
using SysRift.Core.Site;

namespace SysRift.Contents.Fields;

/// <summary>{"Url": "...", "Text": "..."}. Only http(s), mailto and site-relative URLs; never javascript: or data:.</summary>
public sealed class LinkField : ContentFieldType
{
    public override string Name => "LinkField";

    public override string Description => "A link: an address and the text shown for it.";

    public override IReadOnlyList<BlockSetting> Settings { get; } = [BlockSetting.HintSetting, BlockSetting.RequiredSetting];

    public override void Validate(BlockValue value)
    {
        var url = value.StringProperty("Url");
        value.StringProperty("Text");
        value.RequireWhenEmpty("Url", string.IsNullOrWhiteSpace(url));
        if (!string.IsNullOrWhiteSpace(url) && !SafeUrl.IsSafe(url))
            value.Error("Url", "must be a site path (/about) or an http, https or mailto address.");
    }

    public override void Bind(EditorInput input)
    {
        input.Value["Url"] = input.Text().Trim();
        input.Value["Text"] = input.Text("Text");
    }

    public override string Text(EditorField editor) =>
        editor.Get("Text").Length > 0 ? $"{editor.Get("Text")} <{editor.Get("Url")}>" : editor.Get("Url");

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        if (value["Text"] is JsonValue text && text.TryGetValue<string>(out var s)) entry.AddText(s);
    }
}
