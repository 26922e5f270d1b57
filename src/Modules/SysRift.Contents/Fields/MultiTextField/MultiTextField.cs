using System.Text.Json;
using System.Text.Json.Nodes;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Indexing;
using SysRift.Core.Data;

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

    /// <summary>How many values the tag editor suggests (the ones used on published items, for a datalist).</summary>
    public const int MaxSuggestions = 200;

    public override async Task DescribeAsync(EditorField editor, IServiceProvider services, CancellationToken cancellationToken)
    {
        editor.Options = BlockSetting.ReadOptions(editor.Settings, SettingsGroup);
        if (editor.Options.Count > 0) return;
        // Free values: what published items already use, so "queues" is not typed a second time as "queue".
        if (services.GetService<SysRiftDbContext>() is not { } db) return;
        editor.Suggestions = await db.ContentTerms.Where(t => t.Field == editor.Name).Select(t => t.Value).Distinct()
            .OrderBy(v => v).Take(MaxSuggestions).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Options: the ticked boxes. Free values (the tag editor): the values kept ticked ("{Name}.keep", one box per
    /// value, unticked to remove it) and the new ones typed into the field itself, separated by commas.
    /// </summary>
    public override void Bind(EditorInput input)
    {
        var values = input.Editor.Options.Count > 0
            ? input.All()
            : input.All("keep").Concat(input.Text().Split([',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
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
