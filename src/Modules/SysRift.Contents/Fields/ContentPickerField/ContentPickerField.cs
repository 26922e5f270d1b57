using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;
using SysRift.Core.Data;

namespace SysRift.Contents.Fields;

/// <summary>{"ContentItemIds": ["..."]}. Settings: ContentPickerFieldSettings.Required, Multiple, DisplayedContentTypes.</summary>
public sealed class ContentPickerField : ContentFieldType
{
    /// <summary>The picker lists at most this many candidates, by title.</summary>
    public const int MaxCandidates = 500;

    public override string Name => "ContentPickerField";

    public override string Description => "Links to other content items of the site, chosen from a list.";

    public override IReadOnlyList<BlockSetting> Settings { get; } =
    [
        BlockSetting.HintSetting, BlockSetting.RequiredSetting,
        new("Multiple", SettingKind.Flag, "Allow several items"),
        new("DisplayedContentTypes", SettingKind.Names, "Content types", "Technical names, separated by commas; empty for every type."),
    ];

    public override void Validate(BlockValue value)
    {
        var ids = Read(value.Value, out var wellFormed);
        if (!wellFormed) value.Error("ContentItemIds", "must be a list of content item ids.");
        value.RequireWhenEmpty("ContentItemIds", ids.Count == 0);
        if (ids.Count > 1 && !value.Flag("Multiple"))
            value.Error("ContentItemIds", "takes one item only.");
    }

    public override async Task DescribeAsync(EditorField editor, IServiceProvider services, CancellationToken cancellationToken)
    {
        var types = SettingsReader.Strings(editor.Settings, SettingsGroup, "DisplayedContentTypes");
        var db = services.GetRequiredService<SysRiftDbContext>();
        var candidates = await db.ContentVersions.Where(v => v.Latest && (types.Length == 0 || types.Contains(v.ContentType)))
            .OrderBy(v => v.DisplayText).Select(v => new { v.ContentItemId, v.DisplayText, v.ContentType }).Take(MaxCandidates).ToListAsync(cancellationToken);
        editor.Options = candidates.Select(c => (c.ContentItemId, types.Length == 1 ? c.DisplayText : $"{c.DisplayText} ({c.ContentType})")).ToList();
    }

    public override void Bind(EditorInput input) => input.Value["ContentItemIds"] = EditorInput.Array(input.All());

    /// <summary>Picked items by title, one per line (an id no longer listed shows as the id).</summary>
    public override string Text(EditorField editor) =>
        string.Join("\n", editor.List("ContentItemIds").Select(id => editor.Options.Where(o => o.Value == id).Select(o => o.Label).FirstOrDefault() ?? id));

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        foreach (var id in Read(value)) entry.Term(id);
    }

    public static List<string> Read(JsonObject? field) => Read(field, out _);

    private static List<string> Read(JsonObject? field, out bool wellFormed) => BlockJson.Ids(field, "ContentItemIds", out wellFormed);
}
