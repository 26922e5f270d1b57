using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Definitions;
using SysRift.Contents.Lifecycle;
using SysRift.Contents.Validation;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Ids;
using SysRift.Core.Signals;
using SysRift.Core.Site;

namespace SysRift.Contents.Items;

/// <summary>
/// Reads and changes content items one at a time (the editor's path). Every change is validated against
/// the type definition, checked against the revision the editor started from, applied through
/// <see cref="ContentWriter"/> and committed as one unit.
/// </summary>
public sealed class ContentManager(
    SysRiftDbContext db,
    ContentDefinitionService definitions,
    ContentValidator validator,
    ContentWriter writer,
    DocumentStore documents,
    PendingChanges pending,
    TimeProvider clock)
{
    public async Task<ContentItem?> GetAsync(string contentItemId, VersionOptions options = VersionOptions.Latest, CancellationToken cancellationToken = default)
    {
        var query = db.ContentVersions.Where(v => v.ContentItemId == contentItemId);
        query = options == VersionOptions.Published ? query.Where(v => v.Published) : query.Where(v => v.Latest);
        var record = await query.FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ContentVersionMapper.ToItem(record);
    }

    public async Task<ContentItem?> GetVersionAsync(string contentItemVersionId, CancellationToken cancellationToken = default)
    {
        var record = await db.ContentVersions.FirstOrDefaultAsync(v => v.ContentItemVersionId == contentItemVersionId, cancellationToken);
        return record is null ? null : ContentVersionMapper.ToItem(record);
    }

    public Task<ContentItemRecord?> GetRecordAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        db.ContentItems.FirstOrDefaultAsync(i => i.ContentItemId == contentItemId, cancellationToken);

    /// <summary>All versions, newest first.</summary>
    public async Task<IReadOnlyList<ContentItem>> GetHistoryAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        (await db.ContentVersions.Where(v => v.ContentItemId == contentItemId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken))
        .Select(ContentVersionMapper.ToItem).ToList();

    /// <summary>A new, unsaved item of <paramref name="contentType"/> with an id and an empty object for each part.</summary>
    public async Task<ContentItem> NewAsync(string contentType, CancellationToken cancellationToken = default)
    {
        var type = (await definitions.GetAsync(cancellationToken)).Type(contentType)
            ?? throw new ArgumentException($"\"{contentType}\" is not a content type of this site.", nameof(contentType));
        var item = new ContentItem { ContentItemId = IdGenerator.NewId(), ContentType = type.Name };
        foreach (var part in type.ContentTypePartDefinitionRecords) item.GetOrCreatePart(part.Name);
        return item;
    }

    /// <summary>Saves <paramref name="item"/> as a new draft, or as the new published version.</summary>
    /// <param name="expectedRevision">The revision the editor loaded; null for a new item or to skip the check.</param>
    public async Task<ContentResult> SaveAsync(ContentItem item, bool publish, int? expectedRevision, string? user, CancellationToken cancellationToken = default)
    {
        var definitionDocument = await definitions.GetAsync(cancellationToken);
        var type = definitionDocument.Type(item.ContentType);
        if (string.IsNullOrWhiteSpace(item.ContentItemId)) item.ContentItemId = IdGenerator.NewId();
        ContentNormalizer.Prepare(item, type);

        var errors = validator.Validate(item, definitionDocument);
        if (item.Path is { Length: > 0 } path && await PathOwnerAsync(path, item.ContentItemId, cancellationToken) is { } owner)
            errors.Add(new ContentError("AutoroutePart.Path", $"Path \"/{path}\" is already used by \"{owner}\"."));
        if (errors.Count > 0) return ContentResult.Invalid(errors);

        return await InUnitOfWorkAsync(item.ContentItemId, expectedRevision, async state =>
        {
            if (state.Header is { } header && !string.Equals(header.ContentType, item.ContentType, StringComparison.Ordinal))
                return $"the item is a {header.ContentType}, not a {item.ContentType}";
            var refusal = await writer.ApplyAsync(state, item.ContentItemId, publish ? ContentAction.Publish : ContentAction.SaveDraft, item, new ContentWriter.VersionStamp(user, clock.GetUtcNow().UtcDateTime), cancellationToken);
            if (refusal is null && publish && ContentNormalizer.SetsHomepage(item)) await SetHomeRouteAsync(item.ContentItemId, cancellationToken);
            return refusal;
        }, cancellationToken);
    }

    /// <summary>Publish (the latest version), unpublish, discard the draft, delete or restore.</summary>
    public Task<ContentResult> TransitionAsync(string contentItemId, ContentAction action, int? expectedRevision, string? user, CancellationToken cancellationToken = default)
    {
        if (action == ContentAction.SaveDraft) throw new ArgumentException("Saving a draft needs content: use SaveAsync.", nameof(action));
        return InUnitOfWorkAsync(contentItemId, expectedRevision, async state =>
        {
            if (state.Header is null) return "no such item";
            if (action == ContentAction.Publish && state.LatestVersion?.Path is { Length: > 0 } path && await PathOwnerAsync(path, contentItemId, cancellationToken) is { } owner)
                return $"its path \"/{path}\" is now used by \"{owner}\"";
            return await writer.ApplyAsync(state, contentItemId, action, null, new ContentWriter.VersionStamp(user, clock.GetUtcNow().UtcDateTime), cancellationToken);
        }, cancellationToken);
    }

    private async Task<ContentResult> InUnitOfWorkAsync(string contentItemId, int? expectedRevision, Func<ItemState, Task<string?>> change, CancellationToken cancellationToken)
    {
        var ownsTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var state = await writer.LoadAsync(contentItemId, cancellationToken);
        if (expectedRevision is { } expected && (state.Header?.Revision ?? 0) != expected)
            return ContentResult.Conflicted(state.Header?.Revision ?? 0, $"Someone else changed this item since you opened it (revision {expected}, now {state.Header?.Revision ?? 0}).");

        if (await change(state) is { } refusal) return ContentResult.Invalid("", $"Cannot do that: {refusal}.");

        try
        {
            pending.Add(ChangeTopics.Content);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.ContentItems.Where(i => i.ContentItemId == contentItemId).Select(i => i.Revision).FirstOrDefaultAsync(cancellationToken);
            return ContentResult.Conflicted(current, "Someone else saved this item at the same moment; nothing of yours was saved. Reload to see their version.");
        }
        catch (DbUpdateException)
        {
            // A concurrent first save of the same id (or version id) loses on the key, not on the revision.
            db.ChangeTracker.Clear();
            return ContentResult.Conflicted(0, "This item was created or changed by someone else at the same moment; nothing of yours was saved.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }

        var stored = state.LatestVersion ?? state.PublishedVersion;
        var item = stored is null ? null : ContentVersionMapper.ToItem(stored);
        return new ContentResult(item, state.Header!.Status, state.Header.Revision, [], false);
    }

    /// <summary>The display text of the other item that holds <paramref name="path"/>, if any.</summary>
    private Task<string?> PathOwnerAsync(string path, string contentItemId, CancellationToken cancellationToken) =>
        db.ContentVersions
            .Where(v => v.Path == path && v.ContentItemId != contentItemId && (v.Latest || v.Published))
            .Select(v => v.DisplayText).FirstOrDefaultAsync(cancellationToken);

    private async Task SetHomeRouteAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var site = await documents.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken) ?? new SiteSettings();
        if (site.HomeContentItemId == contentItemId) return;
        site.HomeRoute = SiteSettings.HomeRouteFor(contentItemId);
        await documents.SaveAsync(SiteSettings.DocumentName, site, ChangeTopics.Site, cancellationToken);
    }
}
