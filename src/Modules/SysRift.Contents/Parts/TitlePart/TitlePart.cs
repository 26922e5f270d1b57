using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;

namespace SysRift.Contents.Parts;

/// <summary>
/// {"Title": "..."}; the item's DisplayText follows it. TitlePartSettings.Required makes it mandatory.
/// It has no display view of its own: content views show the title as their heading.
/// </summary>
public sealed class TitlePart : ContentPartType
{
    public const int MaxLength = 1024;

    public override string Name => "TitlePart";

    public override string? DisplayTextOf(JsonObject part) => BlockJson.Text(part, "Title") is { Length: > 0 } title ? title : null;

    public override string Label => "Title";

    public override string Description => "The item's title, which lists and headings show.";

    public override IReadOnlyList<BlockSetting> Settings { get; } = [BlockSetting.RequiredSetting];

    public override void Validate(BlockValue value)
    {
        var node = value.Property("Title");
        string? title = null;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) title = v.GetValue<string>();
        else if (node is not null && node.GetValueKind() != JsonValueKind.Null) value.Error("Title", "must be text.");

        if (string.IsNullOrWhiteSpace(title) && value.Required) value.Error("Title", "is required.");
        if (title is { Length: > MaxLength }) value.Error("Title", $"must be at most {MaxLength} characters.");
    }

    public override void Bind(EditorInput input) => input.Value["Title"] = input.Text("Title");

    public override string Text(EditorField editor) => editor.Get("Title");
}
