using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;
using SysRift.Contents.Markdown;

namespace SysRift.Contents.Parts;

/// <summary>{"Markdown": "..."}: the item's body, rendered through the safe Markdown pipeline; search indexes it as the body.</summary>
public sealed class MarkdownBodyPart : ContentPartType
{
    public override string Name => "MarkdownBodyPart";

    public override string Label => "Body";

    public override string Description => "The item's body, written in Markdown with a live preview.";

    public override void Validate(BlockValue value)
    {
        var node = value.Property("Markdown");
        if (node is not null && node.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null))
            value.Error("Markdown", "must be Markdown text.");
        else if (node is JsonValue markdown && markdown.TryGetValue<string>(out var source) && MarkdownLimits.Problem(source) is { } problem)
            value.Error("Markdown", problem);
    }

    public override void Bind(EditorInput input) => input.Value["Markdown"] = input.Text("Markdown");

    public override string Text(EditorField editor) => editor.Get("Markdown");

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        if (value["Markdown"] is JsonValue markdown && markdown.TryGetValue<string>(out var source)) entry.SetBody(source);
    }
}
