using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SysRift.Contents.Definitions;
using SysRift.Contents.Parts;
using SysRift.Contents.Lifecycle;
using SysRift.Contents.Validation;
using SysRift.Core.Data;
using SysRift.Core.Diagnostics;
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
    TimeProvider clock,
    ILogger<ContentManager> logger)
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

        using var activity = SiteMetrics.Activities.StartActivity(publish ? "content publish" : "content save draft");
        activity?.SetTag("sysrift.content_item_id", item.ContentItemId);
        activity?.SetTag("sysrift.content_type", item.ContentType);
        var errors = validator.Validate(item, definitionDocument);
        if (errors.Count > 0) return ContentResult.Invalid(errors);

        return await InUnitOfWorkAsync(item.ContentItemId, publish ? ContentAction.Publish : ContentAction.SaveDraft, expectedRevision, item.Path, async state =>
        {
            if (state.Header is { } header && !string.Equals(header.ContentType, item.ContentType, StringComparison.Ordinal))
                return Refusal($"the item is a {header.ContentType}, not a {item.ContentType}");
            if (state.Header is null && type!.IsSingleton && await OtherItemOfAsync(type, item.ContentItemId, cancellationToken) is { } existing)
                return new ContentError("", $"This site has one {type.DisplayName} already (\"{existing}\"): edit that one instead.");
            // Checked inside the transaction (after the row lock), so it sees every commit before this one.
            if (item.Path is { Length: > 0 } path && await PathOwnerAsync(path, item.ContentItemId, cancellationToken) is { } owner)
                return new ContentError(PathField, $"Path \"/{path}\" is already used by \"{owner}\".");
            if (AliasOwners.Alias(item.Content) is { } alias && await AliasOwners.OwnerAsync(db, alias, item.ContentItemId, cancellationToken) is { } aliasOwner)
                return new ContentError("AliasPart.Alias", $"Alias \"{alias}\" is already used by \"{aliasOwner}\".");
            var refusal = await writer.ApplyAsync(state, item.ContentItemId, publish ? ContentAction.Publish : ContentAction.SaveDraft, item, new ContentWriter.VersionStamp(user, clock.GetUtcNow().UtcDateTime), cancellationToken);
            if (refusal is null && publish && ContentNormalizer.SetsHomepage(item)) await SetHomeRouteAsync(item.ContentItemId, cancellationToken);
            return refusal is null ? null : Refusal(refusal);
        }, cancellationToken);
    }

    /// <summary>Publish (the latest version, or <paramref name="versionId"/> when it is an earlier one), unpublish, discard the draft, delete or restore.</summary>
    public async Task<ContentResult> TransitionAsync(string contentItemId, ContentAction action, int? expectedRevision, string? user, CancellationToken cancellationToken = default, string? versionId = null)
    {
        if (action == ContentAction.SaveDraft) throw new ArgumentException("Saving a draft needs content: use SaveAsync.", nameof(action));
        using var activity = SiteMetrics.Activities.StartActivity("content " + action);
        activity?.SetTag("sysrift.content_item_id", contentItemId);
        return await InUnitOfWorkAsync(contentItemId, action, expectedRevision, null, async state =>
        {
            if (state.Header is null) return Refusal("no such item");
            var goingLive = action == ContentAction.PublishEarlierVersion
                ? await db.ContentVersions.Where(v => v.ContentItemId == contentItemId && v.ContentItemVersionId == versionId).Select(v => v.Path).FirstOrDefaultAsync(cancellationToken)
                : action == ContentAction.Publish ? state.LatestVersion?.Path : null;
            if (goingLive is { Length: > 0 } path && await PathOwnerAsync(path, contentItemId, cancellationToken) is { } owner)
                return Refusal($"its path \"/{path}\" is now used by \"{owner}\"");
            return await writer.ApplyAsync(state, contentItemId, action, null, new ContentWriter.VersionStamp(user, clock.GetUtcNow().UtcDateTime), cancellationToken, versionId) is { } refusal
                ? Refusal(refusal)
                : null;
        }, cancellationToken);
    }

    private const string PathField = "AutoroutePart.Path";

    private static ContentError Refusal(string reason) => new("", $"Cannot do that: {reason}.");

    /// <summary>
    /// Runs one change as a unit: lock the item, check the revision, change, save, commit. The row lock
    /// (PostgreSQL; SQLite transactions are serialised already) makes the revision check hold until commit,
    /// so of two simultaneous saves from the same revision exactly one is written and the other is told.
    /// </summary>
    private async Task<ContentResult> InUnitOfWorkAsync(string contentItemId, ContentAction action, int? expectedRevision, string? path, Func<ItemState, Task<ContentError?>> change, CancellationToken cancellationToken)
    {
        var ownsTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.LockContentItemAsync(contentItemId, cancellationToken);
            var state = await writer.LoadAsync(contentItemId, cancellationToken);
            if (expectedRevision is { } expected && (state.Header?.Revision ?? 0) != expected)
                return ContentResult.Conflicted(state.Header?.Revision ?? 0, $"Someone else changed this item since you opened it (revision {expected}, now {state.Header?.Revision ?? 0}).");

            if (await change(state) is { } refusal) return ContentResult.Invalid([refusal]);

            // Visitors see published versions only: a draft saved or discarded retires no page.
            if (action is not (ContentAction.SaveDraft or ContentAction.DiscardDraft)) pending.AddItem(contentItemId, state.Header!.ContentType);
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);

            var stored = state.LatestVersion ?? state.PublishedVersion;
            var item = stored is null ? null : ContentVersionMapper.ToItem(stored);
            return new ContentResult(item, state.Header!.Status, state.Header.Revision, [], false);
        }
        catch (Exception exception) when (DatabaseRaces.IsRefusal(exception))
        {
            pending.Discard();
            return await LostRaceAsync(exception, contentItemId, path, ownsTransaction, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>What the loser of a race is told. Only real races are conflicts; anything else is logged and said plainly.</summary>
    private async Task<ContentResult> LostRaceAsync(Exception exception, string contentItemId, string? path, bool ownsTransaction, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (DatabaseRaces.IsUniqueViolation(exception, "IX_ContentVersions_LivePath", "ContentVersions.Path"))
        {
            logger.LogInformation("Publishing {ContentItemId} lost the path {Path} to a simultaneous publish", contentItemId, path);
            return ContentResult.Invalid(PathField, path is { Length: > 0 }
                ? $"Path \"/{path}\" was published by someone else a moment ago; choose another path."
                : "Its path was published by someone else a moment ago; choose another path.");
        }

        if (exception is DbUpdateConcurrencyException || DatabaseRaces.IsContention(exception) || DatabaseRaces.IsUniqueViolation(exception))
        {
            logger.LogInformation("Save of {ContentItemId} lost a race ({Message}); reported as a conflict", contentItemId, exception.GetBaseException().Message);
            // Our own transaction can be rolled back and the winner's revision read; a caller's stays the caller's to end.
            var current = 0;
            if (ownsTransaction && db.Database.CurrentTransaction is { } open)
            {
                await open.RollbackAsync(CancellationToken.None);
                current = await db.ContentItems.Where(i => i.ContentItemId == contentItemId).Select(i => i.Revision).FirstOrDefaultAsync(cancellationToken);
            }

            return ContentResult.Conflicted(current, "Someone else saved this item at the same moment; nothing of yours was saved. Reload to see their version.");
        }

        logger.LogError(exception, "Saving {ContentItemId} was refused by the database", contentItemId);
        return ContentResult.Invalid("", "The database refused this change (the details are in the server log); nothing was saved.");
    }

    /// <summary>The display text of another live (not deleted) item of a singleton type; holds a lock so two first saves cannot both pass.</summary>
    private async Task<string?> OtherItemOfAsync(ContentTypeDefinition type, string contentItemId, CancellationToken cancellationToken)
    {
        await db.LockAsync("singleton:" + type.Name, cancellationToken);
        return await (from header in db.ContentItems
                      join version in db.ContentVersions on header.ContentItemId equals version.ContentItemId
                      where header.ContentType == type.Name && header.Status != ContentStatus.Deleted && header.ContentItemId != contentItemId && version.Latest
                      select version.DisplayText).FirstOrDefaultAsync(cancellationToken);
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
