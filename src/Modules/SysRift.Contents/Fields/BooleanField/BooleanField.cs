using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;

namespace SysRift.Contents.Fields;

/// <summary>{"Value": true}. A true value is a term ("true"), so lists can filter by it.</summary>
public sealed class BooleanField : ContentFieldType
{
    public override string Name => "BooleanField";

    public override string Description => "Yes or no, as a checkbox.";

    public override IReadOnlyList<BlockSetting> Settings { get; } = [BlockSetting.HintSetting];

    public override void Validate(BlockValue value)
    {
        var node = value.Property("Value");
        if (node is null || node.GetValueKind() is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null) return;
        if (node is JsonValue v && v.TryGetValue<string>(out var s) && bool.TryParse(s, out _)) return;
        value.Error("Value", "must be true or false.");
    }

    public override void Bind(EditorInput input) => input.Value["Value"] = input.All().Contains("true");

    public override string Text(EditorField editor) => Read(editor.Value) ? "Yes" : "No";

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        if (Read(value)) entry.Term("true");
    }

    public static bool Read(JsonObject? field) => field?["Value"] is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && bool.TryParse(s, out var p) && p);
}
