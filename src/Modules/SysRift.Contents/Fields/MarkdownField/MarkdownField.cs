using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;
using SysRift.Contents.Markdown;

namespace SysRift.Contents.Fields;

/// <summary>{"Markdown": "..."}, rendered through the site's safe Markdown pipeline, within <see cref="MarkdownLimits"/>.</summary>
public sealed class MarkdownField : ContentFieldType
{
    public override string Name => "MarkdownField";

    public override string Description => "Formatted text written in Markdown, with a live preview.";

    public override IReadOnlyList<BlockSetting> Settings { get; } = [BlockSetting.HintSetting, BlockSetting.RequiredSetting];

    public override void Validate(BlockValue value)
    {
        var markdown = value.StringProperty("Markdown");
        value.RequireWhenEmpty("Markdown", string.IsNullOrWhiteSpace(markdown));
        if (markdown is not null && MarkdownLimits.Problem(markdown) is { } problem) value.Error("Markdown", problem);
    }

    public override void Bind(EditorInput input) => input.Value["Markdown"] = input.Text();

    public override string Text(EditorField editor) => editor.Get("Markdown");

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        if (value["Markdown"] is JsonValue markdown && markdown.TryGetValue<string>(out var source)) entry.AddMarkdown(source);
    }
}
