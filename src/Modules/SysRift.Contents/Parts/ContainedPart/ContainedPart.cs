using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Blocks;
using SysRift.Contents.Editing;
using SysRift.Contents.Indexing;
using SysRift.Core.Data;

namespace SysRift.Contents.Parts;

/// <summary>
/// {"ListContentItemId": "…", "Order": 0}: the list (an item with a ListPart) this item belongs to, as Orchard
/// writes it on a blog's posts. Indexed as a term, so the list finds its items; the editor shows the list.
/// </summary>
public sealed class ContainedPart : ContentPartType
{
    public override string Name => "ContainedPart";

    public override string Label => "In the list";

    public override string Description => "The list this item belongs to (a blog for its posts).";

    public override bool AttachedToItems => true;

    public override void Validate(BlockValue value)
    {
        var node = value.Property("ListContentItemId");
        if (node is not null && node.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Null)) value.Error("ListContentItemId", "must be a content item id.");
    }

    public override async Task DescribeAsync(EditorField editor, IServiceProvider services, CancellationToken cancellationToken)
    {
        var id = editor.Get("ListContentItemId");
        if (id.Length == 0) return;
        var list = await services.GetRequiredService<SysRiftDbContext>().ContentVersions.Where(v => v.ContentItemId == id && v.Latest)
            .Select(v => v.DisplayText).FirstOrDefaultAsync(cancellationToken);
        editor.Options = [(id, list ?? id)];
    }

    public override void Bind(EditorInput input)
    {
        // Which list an item is in is set where the list is; the editor only shows it.
    }

    public override string Text(EditorField editor) => editor.Options.FirstOrDefault().Label ?? editor.Get("ListContentItemId");

    public override void Index(JsonObject value, ContentIndexEntry entry)
    {
        if (value["ListContentItemId"] is JsonValue id && id.TryGetValue<string>(out var listId)) entry.Term(listId);
    }
}
