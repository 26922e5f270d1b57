using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Contents.Definitions;
using SysRift.Contents.Fields;
using SysRift.Contents.Items;
using SysRift.Contents.Lifecycle;
using SysRift.Core.Data;
using SysRift.Core.Security;

namespace SysRift.Admin.Controllers;

/// <summary>Content types, the list of one type (search, filter, sort, paging), bulk actions, reordering and the trash.</summary>
[Route("admin"), RequirePermission(Permissions.AccessAdmin)]
public sealed class ContentListController(SysRiftDbContext db, ContentDefinitionService definitions, ContentManager contents, UserPermissions permissions) : AdminControllerBase
{
    private const int PageSize = 20;

    [HttpGet("content")]
    public async Task<IActionResult> Types(CancellationToken cancellationToken)
    {
        var definitionDocument = await definitions.GetAsync(cancellationToken);
        var counts = await db.ContentItems.GroupBy(i => new { i.ContentType, i.Status })
            .Select(g => new { g.Key.ContentType, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var types = definitionDocument.ContentTypeDefinitionRecords.OrderBy(t => t.DisplayName).Select(t =>
        {
            var mine = counts.Where(c => c.ContentType == t.Name).ToList();
            return new ContentTypeSummary(t.Name, t.DisplayName,
                mine.Where(c => c.Status != ContentStatus.Deleted).Sum(c => c.Count),
                mine.Where(c => c.Status is ContentStatus.Draft or ContentStatus.PublishedWithDraft).Sum(c => c.Count),
                mine.Where(c => c.Status == ContentStatus.Deleted).Sum(c => c.Count));
        }).ToList();
        return View(types);
    }

    [HttpGet("content/{type}")]
    public async Task<IActionResult> List(string type, string? q, ContentStatus? status, string? sort, int page = 1, CancellationToken cancellationToken = default)
    {
        var definitionDocument = await definitions.GetAsync(cancellationToken);
        if (definitionDocument.Type(type) is not { } definition) return NotFound();
        var ordered = IsOrdered(definition, definitionDocument);
        sort = sort is "title" or "modified" or "status" or "order" ? sort : ordered ? "order" : "modified";
        page = Math.Max(1, page);

        var query = from version in db.ContentVersions
                    join item in db.ContentItems on version.ContentItemId equals item.ContentItemId
                    where version.ContentType == definition.Name && version.Latest
                    select new { version, item };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var text = q.Trim().ToLower();
            query = query.Where(x => x.version.DisplayText.ToLower().Contains(text) || x.version.Data.ToLower().Contains(text));
        }

        if (status is { } wanted) query = query.Where(x => x.item.Status == wanted);
        query = sort switch
        {
            "title" => query.OrderBy(x => x.version.DisplayText),
            "status" => query.OrderBy(x => x.item.Status).ThenBy(x => x.version.DisplayText),
            "order" => query.OrderBy(x => x.version.SortOrder).ThenBy(x => x.version.DisplayText),
            _ => query.OrderByDescending(x => x.item.ModifiedUtc),
        };

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.Skip((page - 1) * PageSize).Take(PageSize)
            .Select(x => new { x.item.ContentItemId, x.version.DisplayText, x.item.Status, x.item.Owner, x.version.Author, x.item.ModifiedUtc, x.version.SortOrder })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ContentItemId).ToList();
        var schedules = await db.ScheduledPublications.Where(s => ids.Contains(s.ContentItemId)).ToDictionaryAsync(s => s.ContentItemId, s => s.PublishAtUtc, cancellationToken);
        var granted = await permissions.GrantedAsync(User);
        var list = new List<ContentRow>();
        foreach (var r in rows)
            list.Add(new ContentRow(r.ContentItemId, r.DisplayText, r.Status, r.Owner, r.Author, r.ModifiedUtc, r.SortOrder,
                schedules.TryGetValue(r.ContentItemId, out var at) ? at : null, await permissions.CanEditAsync(User, r.Owner)));

        return View(new ContentListViewModel
        {
            Type = definition, Rows = list, Total = total, Page = page, PageSize = PageSize, Query = q, Status = status, Sort = sort, Ordered = ordered,
            CanPublish = granted.Contains(Permissions.PublishContent), CanDelete = granted.Contains(Permissions.DeleteContent),
            CanReorder = ordered && granted.Contains(Permissions.EditAnyContent),
            CanCreate = (granted.Contains(Permissions.EditOwnContent) || granted.Contains(Permissions.EditAnyContent))
                && definition.IsCreatable && !(definition.IsSingleton && await HasLiveItemAsync(definition.Name, cancellationToken)),
            Message = Message,
        });
    }

    /// <summary>The first step of a bulk action: shows what would happen and asks to confirm.</summary>
    [HttpPost("content/{type}/bulk")]
    public async Task<IActionResult> Bulk(string type, string? bulkAction, string[] ids, CancellationToken cancellationToken)
    {
        if ((await definitions.GetAsync(cancellationToken)).Type(type) is not { } definition) return NotFound();
        if (BulkMove(bulkAction) is null) return RedirectWithMessage($"/admin/content/{definition.Name}", "Choose what to do with the selected items.");
        if (!await MayAsync(bulkAction!)) return Forbid();
        if (ids.Length == 0) return RedirectWithMessage($"/admin/content/{definition.Name}", "Select at least one item.");
        var (rows, refused) = await SelectedAsync(definition.Name, ids, cancellationToken);
        return View("BulkConfirm", new BulkConfirmViewModel(definition, bulkAction!, rows, refused));
    }

    [HttpPost("content/{type}/bulk/apply")]
    public async Task<IActionResult> BulkApply(string type, string? bulkAction, string[] ids, CancellationToken cancellationToken)
    {
        if ((await definitions.GetAsync(cancellationToken)).Type(type) is not { } definition) return NotFound();
        if (BulkMove(bulkAction) is not { } move) return RedirectWithMessage($"/admin/content/{definition.Name}", "Choose what to do with the selected items.");
        if (!await MayAsync(bulkAction!)) return Forbid();
        var (rows, _) = await SelectedAsync(definition.Name, ids, cancellationToken);
        var done = 0;
        var failures = new List<string>();
        foreach (var row in rows)
        {
            // Each item is its own unit: one refusal (already unpublished, say) does not undo the others.
            var result = await contents.TransitionAsync(row.ContentItemId, move, expectedRevision: null, UserName, cancellationToken);
            if (result.Succeeded) done++;
            else failures.Add($"{row.DisplayText}: {string.Join(" ", result.Errors.Select(e => e.Message))}");
        }

        var message = $"{bulkAction} done for {done} of {rows.Count} item(s).";
        if (failures.Count > 0) message += " Not done: " + string.Join(" ", failures);
        return RedirectWithMessage($"/admin/content/{definition.Name}", message);
    }

    /// <summary>Moves an item of an ordered type one place up or down by swapping Order values with its neighbour.</summary>
    [HttpPost("content/{type}/{id}/move"), RequirePermission(Permissions.EditAnyContent)]
    public async Task<IActionResult> Move(string type, string id, string? direction, CancellationToken cancellationToken)
    {
        var definitionDocument = await definitions.GetAsync(cancellationToken);
        if (definitionDocument.Type(type) is not { } definition || !IsOrdered(definition, definitionDocument)) return NotFound();
        // One transaction for the whole renumbering: a failure half way leaves the old order, never half of each.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAsync("reorder:" + definition.Name, cancellationToken);
        var list = await db.ContentVersions.Where(v => v.ContentType == definition.Name && v.Latest)
            .OrderBy(v => v.SortOrder).ThenBy(v => v.DisplayText).Select(v => v.ContentItemId).ToListAsync(cancellationToken);
        var index = list.IndexOf(id);
        var other = direction == "up" ? index - 1 : index + 1;
        if (index < 0) return NotFound();
        if (other < 0 || other >= list.Count) return RedirectWithMessage($"/admin/content/{definition.Name}?sort=order", "It is already at that end of the list.");

        // Renumber the whole list 1..n with the two swapped, so duplicate or missing Order values heal too.
        (list[index], list[other]) = (list[other], list[index]);
        var mayPublish = await permissions.HasAsync(User, Permissions.PublishContent);
        for (var position = 0; position < list.Count; position++)
        {
            var item = await contents.GetAsync(list[position], VersionOptions.Latest, cancellationToken);
            var record = await contents.GetRecordAsync(list[position], cancellationToken);
            if (item is null || record is null || NumericField.Read(item.Field(definition.Name, "Order")) == position + 1) continue;
            item.GetOrCreatePart(definition.Name)["Order"] = new System.Text.Json.Nodes.JsonObject { ["Value"] = position + 1 };
            // A live item is republished so visitors see the new order; a draft stays a draft.
            var publish = record.Status == ContentStatus.Published && mayPublish;
            var result = await contents.SaveAsync(item, publish, record.Revision, UserName, cancellationToken);
            if (!result.Succeeded)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                return RedirectWithMessage($"/admin/content/{definition.Name}?sort=order", "Nothing was reordered: " + string.Join(" ", result.Errors.Select(e => e.Message)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return RedirectWithMessage($"/admin/content/{definition.Name}?sort=order", "Order saved.");
    }

    [HttpGet("trash"), RequirePermission(Permissions.DeleteContent)]
    public async Task<IActionResult> Trash(CancellationToken cancellationToken)
    {
        var deleted = await (from item in db.ContentItems
                             where item.Status == ContentStatus.Deleted
                             orderby item.ModifiedUtc descending
                             select new { item.ContentItemId, item.ContentType, item.ModifiedUtc }).Take(500).ToListAsync(cancellationToken);
        var ids = deleted.Select(d => d.ContentItemId).ToList();
        var names = await db.ContentVersions.Where(v => ids.Contains(v.ContentItemId)).GroupBy(v => v.ContentItemId)
            .Select(g => new { Id = g.Key, Name = g.OrderByDescending(v => v.Number).Select(v => v.DisplayText).First() }).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        ViewData["Message"] = Message;
        var document = await definitions.GetAsync(cancellationToken);
        return View(new TrashViewModel(deleted.Select(d => (d.ContentItemId, document.DisplayNameOf(d.ContentType), names.GetValueOrDefault(d.ContentItemId) ?? d.ContentItemId, d.ModifiedUtc)).ToList()));
    }

    private Task<bool> HasLiveItemAsync(string type, CancellationToken cancellationToken) =>
        db.ContentItems.AnyAsync(i => i.ContentType == type && i.Status != ContentStatus.Deleted, cancellationToken);

    public static bool IsOrdered(ContentTypeDefinition type, ContentDefinitionDocument definitions) =>
        definitions.Part(type.Name)?.Field("Order") is { FieldName: "NumericField" };

    private static ContentAction? BulkMove(string? action) => action switch
    {
        "Publish" => ContentAction.Publish,
        "Unpublish" => ContentAction.Unpublish,
        "Delete" => ContentAction.Delete,
        _ => null,
    };

    private Task<bool> MayAsync(string action) =>
        permissions.HasAsync(User, action == "Delete" ? Permissions.DeleteContent : Permissions.PublishContent);

    private async Task<(List<ContentRow> Rows, List<string> Refused)> SelectedAsync(string type, string[] ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().Take(500).ToList();
        var found = await (from version in db.ContentVersions
                           join item in db.ContentItems on version.ContentItemId equals item.ContentItemId
                           where version.ContentType == type && version.Latest && wanted.Contains(item.ContentItemId)
                           select new { item.ContentItemId, version.DisplayText, item.Status, item.Owner, version.Author, item.ModifiedUtc, version.SortOrder }).ToListAsync(cancellationToken);
        var rows = new List<ContentRow>();
        var refused = new List<string>();
        foreach (var f in found)
        {
            if (await permissions.CanEditAsync(User, f.Owner)) rows.Add(new ContentRow(f.ContentItemId, f.DisplayText, f.Status, f.Owner, f.Author, f.ModifiedUtc, f.SortOrder, null, true));
            else refused.Add(f.DisplayText);
        }

        return (rows, refused);
    }
}
