using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Html;
using SysRift.Contents.Indexing;

namespace SysRift.Contents.Parts;

/// <summary>{"Html": "..."}: Orchard's HTML body, stored as given and shown through <see cref="HtmlRenderer"/> (sanitised).</summary>
public sealed class HtmlBodyPart : ContentPartType
{
    public override string Name => "HtmlBodyPart";

    public override string Label => "Body (HTML)";

    public override string Description => "The item's body as HTML, shown sanitised (no scripts or styles), with a live preview.";

    public override void Validate(BlockValue value)
    {
        var node = value.Property("Html");
        if (node is not null && node.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null)) value.Error("Html", "must be HTML text.");
        else if (node is JsonValue html && html.TryGetValue<string>(out var source) && source.Length > HtmlRenderer.MaxLength)
            value.Error("Html", $"must be at most {HtmlRenderer.MaxLength:N0} characters (it has {source.Length:N0}).");
    }

    public override void Bind(EditorInput input) => input.Value["Html"] = input.Text("Html");

    public override string Text(EditorField editor) => editor.Get("Html");

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        if (value["Html"] is JsonValue html && html.TryGetValue<string>(out var source)) entry.SetBodyText(HtmlRenderer.ToPlainText(source));
    }
}
