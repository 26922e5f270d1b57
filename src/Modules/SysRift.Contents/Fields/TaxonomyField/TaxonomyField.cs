using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Blocks;
using SysRift.Contents.Definitions;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;
using SysRift.Contents.Items;
using SysRift.Contents.Parts;

namespace SysRift.Contents.Fields;

/// <summary>
/// Orchard's terms of a taxonomy on an item: {"TaxonomyContentItemId": "...", "TermContentItemIds": ["..."]}
/// (a tags editor also keeps "TagNames"). Settings (TaxonomyFieldSettings): the taxonomy, Required, Unique
/// (one term only). Each term is indexed, so a term's page lists the items it tags.
/// </summary>
public sealed class TaxonomyField : ContentFieldType
{
    public override string Name => "TaxonomyField";

    public override string Description => "Terms of a taxonomy (categories, tags) chosen for the item.";

    public override IReadOnlyList<BlockSetting> Settings { get; } =
    [
        BlockSetting.HintSetting, BlockSetting.RequiredSetting,
        new("TaxonomyContentItemId", SettingKind.Text, "Taxonomy", "The content item id of the taxonomy whose terms are offered."),
        new("Unique", SettingKind.Flag, "One term only"),
    ];

    public override void Validate(BlockValue value)
    {
        var ids = BlockJson.Ids(value.Value, "TermContentItemIds", out var wellFormed);
        if (!wellFormed) value.Error("TermContentItemIds", "must be a list of term ids.");
        value.RequireWhenEmpty("TermContentItemIds", ids.Count == 0);
        if (ids.Count > 1 && value.Flag("Unique")) value.Error("TermContentItemIds", "takes one term only.");
    }

    /// <summary>The taxonomy's terms are the choices; the latest version, so that new terms can be used at once.</summary>
    public override async Task DescribeAsync(EditorField editor, IServiceProvider services, CancellationToken cancellationToken)
    {
        var taxonomyId = TaxonomyId(editor.Settings, editor.Value);
        if (taxonomyId is null) return;
        var taxonomy = await services.GetRequiredService<ContentManager>().GetAsync(taxonomyId, VersionOptions.Latest, cancellationToken);
        editor.Options = TaxonomyPart.Terms(taxonomy?.Part("TaxonomyPart")).Select(t => (t.Id, t.Title)).ToList();
    }

    public override void Bind(EditorInput input)
    {
        var ids = input.All();
        input.Value["TermContentItemIds"] = EditorInput.Array(ids);
        if (input.Value["TaxonomyContentItemId"] is null && TaxonomyId(input.Editor.Settings, null) is { } taxonomy) input.Value["TaxonomyContentItemId"] = taxonomy;
        // Orchard's tags editor shows TagNames: they follow the terms chosen.
        if (input.Value.ContainsKey("TagNames"))
            input.Value["TagNames"] = EditorInput.Array(ids.Select(id => input.Editor.Options.Where(o => o.Value == id).Select(o => o.Label).FirstOrDefault() ?? id));
    }

    public override string Text(EditorField editor) =>
        string.Join("\n", editor.List("TermContentItemIds").Select(id => editor.Options.Where(o => o.Value == id).Select(o => o.Label).FirstOrDefault() ?? id));

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        foreach (var id in BlockJson.Ids(value, "TermContentItemIds", out _)) entry.Term(id);
        foreach (var tag in BlockJson.Strings(value, "TagNames")) entry.Tag(tag);
    }

    public static List<string> TermIds(JsonObject? value) => BlockJson.Ids(value, "TermContentItemIds", out _);

    public static string? TaxonomyId(JsonObject settings, JsonObject? value) =>
        BlockJson.Text(value, "TaxonomyContentItemId") is { Length: > 0 } own ? own : SettingsReader.String(settings, "TaxonomyFieldSettings", "TaxonomyContentItemId") is { Length: > 0 } set ? set : null;
}
