using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Html;
using SysRift.Contents.Indexing;

namespace SysRift.Contents.Fields;

/// <summary>{"Html": "..."}: Orchard's HTML field, stored as given and shown sanitised.</summary>
public sealed class HtmlField : ContentFieldType
{
    public override string Name => "HtmlField";

    public override string Description => "HTML, shown sanitised (no scripts or styles), with a live preview.";

    public override IReadOnlyList<BlockSetting> Settings { get; } = [BlockSetting.HintSetting, BlockSetting.RequiredSetting];

    public override void Validate(BlockValue value)
    {
        var html = value.StringProperty("Html");
        value.RequireWhenEmpty("Html", string.IsNullOrWhiteSpace(html));
        if (html is { Length: > HtmlRenderer.MaxLength }) value.Error("Html", $"must be at most {HtmlRenderer.MaxLength:N0} characters.");
    }

    public override void Bind(EditorInput input) => input.Value["Html"] = input.Text();

    public override string Text(EditorField editor) => editor.Get("Html");

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        if (value["Html"] is JsonValue html && html.TryGetValue<string>(out var source)) entry.AddText(HtmlRenderer.ToPlainText(source));
    }
}
