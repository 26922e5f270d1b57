using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;

namespace SysRift.Contents.Fields;

/// <summary>
/// {"Values": ["a", "b"]}: SysRift's list and tags field (Orchard's MultiTextField). With
/// MultiTextFieldSettings.Options, each value must be one of the options' values; without, any text.
/// Every value is a term (lists filter by tag) and a search tag.
/// </summary>
public sealed class MultiTextField : ContentFieldType
{
    public override string Name => "MultiTextField";

    public override string Description => "A list of values: free tags, or choices from a fixed list of options.";

    public override IReadOnlyList<BlockSetting> Settings { get; } =
    [
        BlockSetting.HintSetting, BlockSetting.RequiredSetting,
        new("Options", SettingKind.Options, "Options", "One per line: value, or value | label. Empty for free tags."),
    ];

    public override void Validate(BlockValue value)
    {
        var node = value.Property("Values");
        var values = new List<string>();
        if (node is JsonArray array)
        {
            foreach (var entry in array)
            {
                if (entry is JsonValue v && v.GetValueKind() == JsonValueKind.String) values.Add(v.GetValue<string>());
                else value.Error("Values", "must be a list of text values.");
            }
        }
        else if (node is not null && node.GetValueKind() != JsonValueKind.Null)
        {
            value.Error("Values", "must be a list of text values.");
        }

        value.RequireWhenEmpty("Values", values.Count == 0);
        var options = value.Options("Options").Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
        if (options.Count == 0) return;
        foreach (var unknown in values.Where(v => !options.Contains(v)))
            value.Error("Values", $"has \"{unknown}\", which is not one of: {string.Join(", ", options)}.");
    }

    public override Task DescribeAsync(EditorField editor, IServiceProvider services, CancellationToken cancellationToken)
    {
        editor.Options = BlockSetting.ReadOptions(editor.Settings, SettingsGroup);
        return Task.CompletedTask;
    }

    public override void Bind(EditorInput input)
    {
        var values = input.Editor.Options.Count > 0
            ? input.All()
            : input.Text().Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        input.Value["Values"] = EditorInput.Array(values);
    }

    public override string Text(EditorField editor) => string.Join("\n", editor.List("Values"));

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        foreach (var tag in Read(value).Distinct(StringComparer.Ordinal))
        {
            entry.Term(tag);
            entry.Tag(tag);
        }
    }

    public static List<string> Read(JsonObject? field) =>
        field?["Values"] is JsonArray array
            ? array.OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>()).ToList()
            : [];
}
