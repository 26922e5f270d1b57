using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;

namespace SysRift.Contents.Parts;

/// <summary>
/// Orchard's list (a blog): its items are those whose ContainedPart names it, shown newest first and paged.
/// Settings (ListPartSettings): ContainedContentTypes, the type listed (the first is shown), and PageSize.
/// </summary>
public sealed class ListPart : ContentPartType
{
    public const int DefaultPageSize = 10;

    public override string Name => "ListPart";

    public override string Label => "List";

    public override string Description => "Lists the items that belong to this one (a blog's posts), newest first, paged.";

    public override IReadOnlyList<BlockSetting> Settings { get; } =
    [
        new("ContainedContentTypes", SettingKind.Names, "Listed types", "Technical names, separated by commas (BlogPost)."),
        new("PageSize", SettingKind.Number, "Items per page") { Minimum = 1, Maximum = 100 },
    ];

    public override void Validate(BlockValue value)
    {
    }

    public override void Bind(EditorInput input)
    {
    }

    public override string Text(EditorField editor) => "";
}
