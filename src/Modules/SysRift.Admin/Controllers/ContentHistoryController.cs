using Microsoft.AspNetCore.Mvc;
using SysRift.Admin.Editors;
using SysRift.Contents.Editing;
using SysRift.Admin.Security;
using SysRift.Admin.ViewModels;
using SysRift.Contents.Definitions;
using SysRift.Contents.Display;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Core.Security;
using SysRift.Core.Site;

namespace SysRift.Admin.Controllers;

/// <summary>An item's versions: the history, a diff between any two, restoring one as a new draft, and the preview in the public theme.</summary>
[Route("admin/content/item/{id}"), RequirePermission(Permissions.AccessAdmin)]
public sealed class ContentHistoryController(
    ContentDefinitionService definitions,
    ContentManager contents,
    ContentEditorBuilder editors,
    UserPermissions permissions,
    SiteSettingsService siteSettings,
    ContentViewSelector views) : AdminControllerBase
{
    [HttpGet("history")]
    public async Task<IActionResult> History(string id, CancellationToken cancellationToken)
    {
        var found = await CheckAsync(id, cancellationToken);
        if (found.Refusal is { } refusal) return refusal;
        var versions = await contents.GetHistoryAsync(id, cancellationToken);
        var rows = Rows(versions);
        ViewData["Message"] = Message;
        return View(new HistoryViewModel(found.Type, id, rows.FirstOrDefault()?.DisplayText ?? id, found.Record.Status, found.Record.Revision, rows));
    }

    [HttpGet("diff")]
    public async Task<IActionResult> Diff(string id, string? from, string? to, CancellationToken cancellationToken)
    {
        var found = await CheckAsync(id, cancellationToken);
        if (found.Refusal is { } refusal) return refusal;
        var versions = await contents.GetHistoryAsync(id, cancellationToken);
        var rows = Rows(versions);
        var newer = versions.FirstOrDefault(v => v.ContentItemVersionId == to) ?? versions.FirstOrDefault();
        var older = versions.FirstOrDefault(v => v.ContentItemVersionId == from) ?? versions.Skip(1).FirstOrDefault() ?? newer;
        if (newer is null || older is null) return NotFound();
        var document = await definitions.GetAsync(cancellationToken);
        var diff = VersionDiff.Compare(
            await editors.DescribeAsync(older, found.Type, document, cancellationToken),
            await editors.DescribeAsync(newer, found.Type, document, cancellationToken));
        return View(new DiffViewModel(found.Type, id, newer.DisplayText, rows.First(r => r.ContentItemVersionId == older.ContentItemVersionId), rows.First(r => r.ContentItemVersionId == newer.ContentItemVersionId), diff));
    }

    /// <summary>Copies an old version's content into a new draft; nothing in the history is rewritten.</summary>
    [HttpPost("versions/{versionId}/restore")]
    public async Task<IActionResult> Restore(string id, string versionId, int? revision, CancellationToken cancellationToken)
    {
        var found = await CheckAsync(id, cancellationToken);
        if (found.Refusal is { } refusal) return refusal;
        if (found.Record.Status == ContentStatus.Deleted) return RedirectWithMessage("/admin/trash", "Restore the item from the trash first.");
        var old = await contents.GetVersionAsync(versionId, cancellationToken);
        if (old is null || old.ContentItemId != id) return NotFound();
        var number = Rows(await contents.GetHistoryAsync(id, cancellationToken)).First(v => v.ContentItemVersionId == versionId);
        var result = await contents.SaveAsync(old, publish: false, revision ?? found.Record.Revision, UserName, cancellationToken);
        if (!result.Succeeded)
            return RedirectWithMessage($"/admin/content/item/{id}/history", "Not restored: " + string.Join(" ", result.Errors.Select(e => e.Message)));
        return RedirectWithMessage($"/admin/content/item/{id}", $"Version {number.Number} ({number.ModifiedUtc:yyyy-MM-dd HH:mm}) is now the latest draft. Publish it to make it live.");
    }

    /// <summary>The latest version (or the one asked for) rendered by the public theme, marked as a preview.</summary>
    [HttpGet("preview")]
    public async Task<IActionResult> Preview(string id, string? version, CancellationToken cancellationToken)
    {
        var found = await CheckAsync(id, cancellationToken);
        if (found.Refusal is { } refusal) return refusal;
        var item = version is { Length: > 0 }
            ? await contents.GetVersionAsync(version, cancellationToken)
            : await contents.GetAsync(id, VersionOptions.Latest, cancellationToken);
        if (item is null || item.ContentItemId != id) return NotFound();
        var site = await siteSettings.GetAsync(cancellationToken);
        Response.Headers["X-Robots-Tag"] = "noindex";
        var model = new ContentDisplayModel(item, found.Type, "Detail", site, IsHome: site.HomeContentItemId == id, IsPreview: true);
        return View(views.Select(ControllerContext, item.ContentType, "Detail"), model);
    }

    private sealed record Check(IActionResult? Refusal, ContentItemRecord Record, ContentTypeDefinition Type);

    /// <summary>The item and its type, or why the user may not see its versions (404 or 403).</summary>
    private async Task<Check> CheckAsync(string id, CancellationToken cancellationToken)
    {
        var record = await contents.GetRecordAsync(id, cancellationToken);
        var type = record is null ? null : (await definitions.GetAsync(cancellationToken)).Type(record.ContentType);
        if (record is null || type is null) return new Check(NotFound(), null!, null!);
        return new Check(await permissions.CanEditAsync(User, record.Owner) ? null : Forbid(), record, type);
    }

    /// <summary>History rows, newest first, numbered from 1 for the first version.</summary>
    private static List<VersionRow> Rows(IReadOnlyList<ContentItem> versions) =>
        versions.Select((v, i) => new VersionRow(v.ContentItemVersionId, versions.Count - i, v.DisplayText, v.Author, v.ModifiedUtc ?? DateTime.MinValue, v.Latest, v.Published)).ToList();
}
