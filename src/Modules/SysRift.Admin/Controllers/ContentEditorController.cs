using SysRift.Contents.Media;
using Microsoft.AspNetCore.Http;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SysRift.Admin.Editors;
using SysRift.Contents.Editing;
using SysRift.Admin.Security;
using SysRift.Admin.Services;
using SysRift.Admin.ViewModels;
using SysRift.Contents.Definitions;
using SysRift.Contents.Items;
using SysRift.Contents.Lifecycle;
using SysRift.Contents.Markdown;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.Core.Security;
using SysRift.Core.Site;

namespace SysRift.Admin.Controllers;

/// <summary>
/// The generated editor of one item and every lifecycle move on it: save draft, publish, schedule,
/// unpublish, discard the draft, clone, delete and restore. A save names the revision it started from;
/// when someone else saved in between, nothing is written and both versions are shown.
/// </summary>
[Route("admin"), RequirePermission(Permissions.AccessAdmin)]
public sealed class ContentEditorController(
    SysRiftDbContext db,
    ContentDefinitionService definitions,
    ContentManager contents,
    ContentEditorBuilder editors,
    UserPermissions permissions,
    SiteSettingsService siteSettings,
    MediaStore media,
    MarkdownRenderer renderer,
    AuditTrail audit) : AdminControllerBase
{
    [HttpGet("content/{type}/new")]
    public async Task<IActionResult> New(string type, CancellationToken cancellationToken)
    {
        if (!await MayCreateAsync()) return Forbid();
        var definitionDocument = await definitions.GetAsync(cancellationToken);
        if (definitionDocument.Type(type) is not { } definition) return NotFound();
        if (await NotCreatableAsync(definition, cancellationToken) is { } refused) return refused;
        var item = await contents.NewAsync(definition.Name, cancellationToken);
        return View("Edit", await ModelAsync(definition, item, isNew: true, record: null, cancellationToken));
    }

    [HttpPost("content/{type}/new")]
    public async Task<IActionResult> Create(string type, string? submit, CancellationToken cancellationToken)
    {
        if (!await MayCreateAsync()) return Forbid();
        var definitionDocument = await definitions.GetAsync(cancellationToken);
        if (definitionDocument.Type(type) is not { } definition) return NotFound();
        if (await NotCreatableAsync(definition, cancellationToken) is { } refused) return refused;
        var item = await contents.NewAsync(definition.Name, cancellationToken);
        item.Owner = UserName;
        return await SaveFormAsync(definition, definitionDocument, item, record: null, submit, expectedRevision: null, cancellationToken);
    }

    [HttpGet("content/item/{id}")]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var (record, definition, item) = await LoadAsync(id, cancellationToken);
        if (record is null || definition is null) return NotFound();
        if (!await permissions.CanEditAsync(User, record.Owner)) return Forbid();
        if (item is null) return RedirectWithMessage("/admin/trash", "That item is in the trash; restore it to edit it.");
        var model = await ModelAsync(definition, item, isNew: false, record, cancellationToken);
        return View(model);
    }

    [HttpPost("content/item/{id}")]
    public async Task<IActionResult> Save(string id, string? submit, int? revision, CancellationToken cancellationToken)
    {
        var (record, definition, item) = await LoadAsync(id, cancellationToken);
        if (record is null || definition is null) return NotFound();
        if (!await permissions.CanEditAsync(User, record.Owner)) return Forbid();
        if (item is null) return RedirectWithMessage("/admin/trash", "That item is in the trash; restore it to edit it.");
        return await SaveFormAsync(definition, await definitions.GetAsync(cancellationToken), item, record, submit, revision ?? -1, cancellationToken);
    }

    [HttpPost("content/item/{id}/{move:regex(^(publish|unpublish|discard|delete|restore)$)}")]
    public async Task<IActionResult> Transition(string id, string move, int? revision, CancellationToken cancellationToken)
    {
        var record = await contents.GetRecordAsync(id, cancellationToken);
        if (record is null) return NotFound();
        var action = move switch
        {
            "publish" => ContentAction.Publish,
            "unpublish" => ContentAction.Unpublish,
            "discard" => ContentAction.DiscardDraft,
            "delete" => ContentAction.Delete,
            _ => ContentAction.Restore,
        };
        var needed = action switch
        {
            ContentAction.Publish or ContentAction.Unpublish => Permissions.PublishContent,
            ContentAction.Delete or ContentAction.Restore => Permissions.DeleteContent,
            _ => null,
        };
        if (!await permissions.CanEditAsync(User, record.Owner) || (needed is not null && !await permissions.HasAsync(User, needed))) return Forbid();

        var result = await contents.TransitionAsync(id, action, revision, UserName, cancellationToken);
        var back = action == ContentAction.Delete ? $"/admin/content/{record.ContentType}" : action == ContentAction.Restore ? "/admin/trash" : $"/admin/content/item/{id}";
        if (!result.Succeeded) return RedirectWithMessage(action == ContentAction.Restore ? "/admin/trash" : $"/admin/content/item/{id}", string.Join(" ", result.Errors.Select(e => e.Message)));
        var done = action switch
        {
            ContentAction.Publish => "Published.",
            ContentAction.Unpublish => "Unpublished: visitors no longer see it; the content is kept as a draft.",
            ContentAction.DiscardDraft => "Draft discarded: the published version is the latest again.",
            ContentAction.Delete => "Moved to the trash. It can be restored from there.",
            _ => "Restored from the trash as a draft.",
        };
        return RedirectWithMessage(back, done);
    }

    [HttpPost("content/item/{id}/clone")]
    public async Task<IActionResult> Clone(string id, CancellationToken cancellationToken)
    {
        if (!await MayCreateAsync()) return Forbid();
        var (record, definition, item) = await LoadAsync(id, cancellationToken);
        if (record is null || definition is null || item is null) return NotFound();
        if (!await permissions.CanEditAsync(User, record.Owner) && !await permissions.HasAsync(User, Permissions.EditAnyContent)) return Forbid();
        if (await NotCreatableAsync(definition, cancellationToken) is { } refused) return refused;

        var copy = item.Clone();
        copy.ContentItemId = "";
        copy.ContentItemVersionId = "";
        copy.Owner = UserName;
        copy.PublishedUtc = null;
        if (copy.Part("TitlePart") is { } title) title["Title"] = $"{item.DisplayText} (copy)";
        if (copy.Part("AutoroutePart") is { } route)
        {
            route["Path"] = "";
            route["SetHomepage"] = false;
        }

        var result = await contents.SaveAsync(copy, publish: false, expectedRevision: null, UserName, cancellationToken);
        if (!result.Succeeded) return RedirectWithMessage($"/admin/content/item/{id}", "Could not clone: " + string.Join(" ", result.Errors.Select(e => e.Message)));
        return RedirectWithMessage($"/admin/content/item/{result.Item!.ContentItemId}", $"This is a new draft copied from \"{item.DisplayText}\".");
    }

    [HttpPost("content/item/{id}/unschedule"), RequirePermission(Permissions.PublishContent)]
    public async Task<IActionResult> Unschedule(string id, CancellationToken cancellationToken)
    {
        var record = await contents.GetRecordAsync(id, cancellationToken);
        if (record is null) return NotFound();
        if (!await permissions.CanEditAsync(User, record.Owner)) return Forbid();
        var schedule = await db.ScheduledPublications.AsTracking().FirstOrDefaultAsync(s => s.ContentItemId == id, cancellationToken);
        if (schedule is null) return RedirectWithMessage($"/admin/content/item/{id}", "Nothing was scheduled.");
        db.ScheduledPublications.Remove(schedule);
        audit.Add(UserName, AuditTrail.Categories.Content, "Unschedule", id, record.ContentType, $"Scheduled publishing at {schedule.PublishAtUtc:u} cancelled.");
        await db.SaveChangesAsync(cancellationToken);
        return RedirectWithMessage($"/admin/content/item/{id}", "Scheduled publishing cancelled.");
    }

    /// <summary>The side-by-side preview: the same Markdown pipeline as the public site.</summary>
    [HttpPost("preview/markdown"), RequestSizeLimit(4 * MarkdownLimits.MaxLength + 64 * 1024)]
    public IActionResult PreviewMarkdown(string? markdown) => Content(renderer.ToHtml(markdown ?? ""), "text/html; charset=utf-8");

    /// <summary>The HTML preview: sanitised exactly as the public site shows it.</summary>
    [HttpPost("preview/html"), RequestSizeLimit(4 * Contents.Html.HtmlRenderer.MaxLength + 64 * 1024)]
    public IActionResult PreviewHtml(string? markdown, [FromServices] Contents.Html.HtmlRenderer html) => Content(html.Sanitize(markdown ?? ""), "text/html; charset=utf-8");

    private async Task<IActionResult> SaveFormAsync(ContentTypeDefinition definition, ContentDefinitionDocument definitionDocument, ContentItem item, ContentItemRecord? record, string? submit, int? expectedRevision, CancellationToken cancellationToken)
    {
        var fields = await editors.DescribeAsync(item, definition, definitionDocument, cancellationToken);
        var nestedChange = await editors.BindAsync(Request.Form, fields, item, definitionDocument, cancellationToken);
        if (submit?.StartsWith(ContentEditorBuilder.NestedCommandPrefix, StringComparison.Ordinal) == true)
        {
            // Adding, moving or removing a nested item shows the form again; nothing is saved until the editor saves.
            TempData["Message"] = (nestedChange ?? "Nothing changed.") + " Not saved yet: save a draft or publish to keep it.";
            var model = await ModelAsync(definition, item, record is null, record, cancellationToken, fields, []);
            model.Revision = expectedRevision is > 0 ? expectedRevision.Value : model.Revision;
            return View("Edit", model);
        }

        var publish = submit == "publish";
        var schedule = submit == "schedule";
        if ((publish || schedule) && !await permissions.HasAsync(User, Permissions.PublishContent)) return Forbid();

        DateTime? publishAt = null;
        var formErrors = new List<string>();
        var site = await siteSettings.GetAsync(cancellationToken);
        if (schedule)
        {
            publishAt = ParseLocal(Request.Form["PublishAt"].ToString(), site.TimeZoneId);
            if (publishAt is null) formErrors.Add("Give the date and time to publish at.");
            else if (publishAt <= DateTime.UtcNow) formErrors.Add("The time to publish at must be in the future.");
        }

        if (formErrors.Count > 0) return await RedisplayAsync(definition, item, record, fields, formErrors, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await contents.SaveAsync(item, publish, expectedRevision, UserName, cancellationToken);
        if (result.Conflict && record is not null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            return await ConflictAsync(definition, definitionDocument, item, record!, fields, result, cancellationToken);
        }

        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            formErrors.AddRange(ContentEditorBuilder.AttachErrors(result.Errors, fields));
            return await RedisplayAsync(definition, item, record, fields, formErrors, cancellationToken);
        }

        if (publishAt is { } at)
        {
            // The schedule pins the version just saved: what the editor reviewed is what goes live, even if
            // someone saves a newer draft before the time comes.
            var version = result.Item!.ContentItemVersionId;
            var existing = await db.ScheduledPublications.AsTracking().FirstOrDefaultAsync(s => s.ContentItemId == item.ContentItemId, cancellationToken);
            if (existing is null) db.ScheduledPublications.Add(new ScheduledPublicationRecord { ContentItemId = item.ContentItemId, ContentItemVersionId = version, PublishAtUtc = at, RequestedBy = UserName });
            else (existing.PublishAtUtc, existing.RequestedBy, existing.ContentItemVersionId) = (at, UserName, version);
            audit.Add(UserName, AuditTrail.Categories.Content, "Schedule", item.ContentItemId, item.DisplayText, $"Version {version} to be published at {at:yyyy-MM-dd HH:mm} UTC.", versionAfter: version);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var message = publish ? "Published." : publishAt is { } when ? $"Saved as a draft; it will be published at {FormatLocal(when, site.TimeZoneId)} ({site.TimeZoneId})." : "Draft saved. Visitors still see the published version, if any.";
        return RedirectWithMessage($"/admin/content/item/{item.ContentItemId}", message);
    }

    private async Task<IActionResult> RedisplayAsync(ContentTypeDefinition definition, ContentItem item, ContentItemRecord? record, List<EditorField> fields, List<string> formErrors, CancellationToken cancellationToken)
    {
        var model = await ModelAsync(definition, item, record is null, record, cancellationToken, fields, formErrors);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", model);
    }

    private async Task<IActionResult> ConflictAsync(ContentTypeDefinition definition, ContentDefinitionDocument definitionDocument, ContentItem mine, ContentItemRecord record, List<EditorField> fields, Contents.Items.ContentResult result, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var theirs = await contents.GetAsync(record.ContentItemId, VersionOptions.Latest, cancellationToken);
        var current = await contents.GetRecordAsync(record.ContentItemId, cancellationToken);
        var theirFields = theirs is null ? [] : await editors.DescribeAsync(theirs, definition, definitionDocument, cancellationToken);
        var model = await ModelAsync(definition, mine, false, current ?? record, cancellationToken, fields,
            [.. result.Errors.Select(e => e.Message), "Nothing of yours was saved. Their version is shown beside your input; saving again replaces theirs with yours (theirs stays in the history)."],
            theirFields, theirs?.Author);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("Edit", model);
    }

    private async Task<ContentEditorViewModel> ModelAsync(ContentTypeDefinition definition, ContentItem item, bool isNew, ContentItemRecord? record, CancellationToken cancellationToken,
        List<EditorField>? fields = null, List<string>? formErrors = null, List<EditorField>? theirFields = null, string? theirAuthor = null)
    {
        var site = await siteSettings.GetAsync(cancellationToken);
        var schedule = record is null ? null : await db.ScheduledPublications.FirstOrDefaultAsync(s => s.ContentItemId == record.ContentItemId, cancellationToken);
        var publicPath = record?.Status is ContentStatus.Published or ContentStatus.PublishedWithDraft
            ? site.HomeContentItemId == item.ContentItemId ? "/" : item.Path is { Length: > 0 } p ? "/" + p : null
            : null;
        return new ContentEditorViewModel
        {
            Type = definition,
            ContentItemId = item.ContentItemId,
            IsNew = isNew,
            Status = record?.Status,
            Revision = record?.Revision ?? 0,
            Owner = record?.Owner ?? item.Owner,
            Fields = fields ?? await editors.DescribeAsync(item, definition, await definitions.GetAsync(cancellationToken), cancellationToken),
            FormErrors = formErrors ?? [],
            Message = Message,
            ScheduledUtc = schedule?.PublishAtUtc,
            ScheduledLocal = schedule is null ? null : FormatLocal(schedule.PublishAtUtc, site.TimeZoneId),
            ScheduleNote = schedule is null ? null : await ScheduleNoteAsync(schedule, cancellationToken),
            TimeZoneId = site.TimeZoneId,
            PublicPath = publicPath,
            CanPublish = await permissions.HasAsync(User, Permissions.PublishContent),
            CanDelete = await permissions.HasAsync(User, Permissions.DeleteContent),
            TheirFields = theirFields,
            TheirAuthor = theirAuthor,
            Media = (await media.ListAsync(cancellationToken)).Select(m => (m.Url, m.Name, m.AltText)).ToList(),
        };
    }

    /// <summary>"Version 3 (scheduled by editor) goes live; the newer draft, version 4 by author, stays a draft."</summary>
    private async Task<string> ScheduleNoteAsync(ScheduledPublicationRecord schedule, CancellationToken cancellationToken)
    {
        var pinned = await db.ContentVersions.Where(v => v.ContentItemVersionId == schedule.ContentItemVersionId).Select(v => new { v.Number, v.Latest }).FirstOrDefaultAsync(cancellationToken);
        if (pinned is null) return "the scheduled version no longer exists; nothing will be published";
        var text = $"version {pinned.Number}, scheduled by {schedule.RequestedBy}, goes live";
        if (pinned.Latest) return text;
        var latest = await db.ContentVersions.Where(v => v.ContentItemId == schedule.ContentItemId && v.Latest).Select(v => new { v.Number, v.Author }).FirstOrDefaultAsync(cancellationToken);
        return latest is null ? text : $"{text}; the newer draft (version {latest.Number} by {latest.Author}) is not part of the schedule and stays a draft";
    }

    private async Task<(ContentItemRecord? Record, ContentTypeDefinition? Type, ContentItem? Latest)> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var record = await contents.GetRecordAsync(id, cancellationToken);
        if (record is null) return (null, null, null);
        var type = (await definitions.GetAsync(cancellationToken)).Type(record.ContentType);
        var item = record.Status == ContentStatus.Deleted ? null : await contents.GetAsync(id, VersionOptions.Latest, cancellationToken);
        return (record, type, item);
    }

    /// <summary>
    /// Where a type's items are not made in the admin (not Creatable), or a singleton already has its one item,
    /// the editor is sent to the list or to that item instead of a form that could only fail.
    /// </summary>
    private async Task<IActionResult?> NotCreatableAsync(ContentTypeDefinition definition, CancellationToken cancellationToken)
    {
        if (definition.IsSingleton)
        {
            var existing = await db.ContentItems.Where(i => i.ContentType == definition.Name && i.Status != ContentStatus.Deleted).Select(i => i.ContentItemId).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null) return RedirectWithMessage($"/admin/content/item/{existing}", $"This site has one {definition.DisplayName}: this is it.");
        }

        return definition.IsCreatable ? null : RedirectWithMessage($"/admin/content/{definition.Name}", $"New {definition.DisplayName} items are not created here.");
    }

    private async Task<bool> MayCreateAsync()
    {
        var granted = await permissions.GrantedAsync(User);
        return granted.Contains(Permissions.EditOwnContent) || granted.Contains(Permissions.EditAnyContent);
    }

    private static DateTime? ParseLocal(string value, string timeZoneId)
    {
        if (!DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)) return null;
        var zone = FindZone(timeZoneId);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    private static string FormatLocal(DateTime utc, string timeZoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), FindZone(timeZoneId)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
