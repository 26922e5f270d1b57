using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SysRift.Contents.Indexing;
using SysRift.Contents.Items;
using SysRift.Core.Audit;
using SysRift.Core.Data;
using SysRift.Core.Ids;

namespace SysRift.Contents.Lifecycle;

/// <summary>
/// Applies one lifecycle move to an item's tracked rows: asks <see cref="ContentLifecycle"/> whether the
/// move is legal, then sets the version flags that the new state means. The caller saves. Shared by the
/// editor path (ContentManager) and the bulk path (recipe import), so both follow the same rules.
/// </summary>
public sealed class ContentWriter(SysRiftDbContext db, NewRows rows, IEnumerable<IPublishedContentIndexer> indexers, AuditTrail audit, ILogger<ContentWriter> logger)
{
    /// <summary>How a new version is stamped. Recipe imports are audited once per import, not per item.</summary>
    public sealed record VersionStamp(string? User, DateTime Now, bool KeepImportedIdsAndDates = false, bool Audited = true, string? Note = null);

    /// <summary>Loads (tracked) the rows each item's next move needs, for many items in three queries.</summary>
    public async Task<Dictionary<string, ItemState>> LoadAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken = default)
    {
        var states = ids.Distinct(StringComparer.Ordinal).ToDictionary(id => id, _ => new ItemState(), StringComparer.Ordinal);
        if (states.Count == 0) return states;
        var keys = states.Keys.ToList();

        foreach (var header in await db.ContentItems.AsTracking().Where(i => keys.Contains(i.ContentItemId)).ToListAsync(cancellationToken))
            states[header.ContentItemId].Header = header;

        foreach (var version in await db.ContentVersions.AsTracking().Where(v => keys.Contains(v.ContentItemId) && (v.Latest || v.Published)).ToListAsync(cancellationToken))
        {
            var state = states[version.ContentItemId];
            if (version.Latest) state.LatestVersion = version;
            if (version.Published) state.PublishedVersion = version;
        }

        var maxima = await db.ContentVersions.Where(v => keys.Contains(v.ContentItemId))
            .GroupBy(v => v.ContentItemId).Select(g => new { g.Key, Max = g.Max(v => v.Number) }).ToListAsync(cancellationToken);
        foreach (var max in maxima) states[max.Key].MaxNumber = max.Max;
        return states;
    }

    public async Task<ItemState> LoadAsync(string id, CancellationToken cancellationToken = default) =>
        (await LoadAsync([id], cancellationToken))[id];

    /// <summary>Applies <paramref name="action"/>; returns the refusal when the move is illegal (nothing changed then).</summary>
    /// <param name="content">New content for SaveDraft and Publish; null to act on what is stored.</param>
    /// <param name="versionId">For PublishEarlierVersion: the version to make the published one.</param>
    public async Task<string?> ApplyAsync(ItemState state, string contentItemId, ContentAction action, ContentItem? content, VersionStamp stamp, CancellationToken cancellationToken = default, string? versionId = null)
    {
        var from = state.Status;
        if (ContentLifecycle.Next(from, action, out var refusal) is not { } to) return refusal;
        if (content is null && action is ContentAction.SaveDraft) return "a draft needs content";
        if (content is null && from is null) return "a new item needs content";

        var isNew = state.Header is null;
        var publishedBefore = state.PublishedVersion;
        var latestBefore = state.LatestVersion;
        var header = state.Header ??= NewHeader(contentItemId, content!, stamp);
        switch (action)
        {
            case ContentAction.SaveDraft:
                AddVersion(state, header, content!, published: false, stamp);
                break;
            case ContentAction.Publish when content is not null:
                AddVersion(state, header, content, published: true, stamp);
                break;
            case ContentAction.Publish:
                PromoteLatest(state, stamp.Now);
                break;
            case ContentAction.PublishEarlierVersion:
                var earlier = await db.ContentVersions.AsTracking().FirstOrDefaultAsync(v => v.ContentItemId == contentItemId && v.ContentItemVersionId == versionId, cancellationToken);
                if (earlier is null) return $"it has no version {versionId}";
                if (earlier.Latest) return "that version is the latest one (publish it instead)";
                if (state.PublishedVersion is { } replaced) replaced.Published = false;
                earlier.Published = true;
                earlier.PublishedUtc ??= state.PublishedVersion?.PublishedUtc ?? stamp.Now;
                state.PublishedVersion = earlier;
                break;
            case ContentAction.Unpublish:
                state.PublishedVersion!.Published = false;
                state.PublishedVersion = null;
                break;
            case ContentAction.DiscardDraft:
                state.LatestVersion!.Latest = false;
                state.PublishedVersion!.Latest = true;
                state.LatestVersion = state.PublishedVersion;
                break;
            case ContentAction.Delete:
                if (state.LatestVersion is { } latest) latest.Latest = false;
                if (state.PublishedVersion is { } published) published.Published = false;
                state.LatestVersion = state.PublishedVersion = null;
                break;
            case ContentAction.Restore:
                var newest = await db.ContentVersions.AsTracking().Where(v => v.ContentItemId == contentItemId)
                    .OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
                newest.Latest = true;
                state.LatestVersion = newest;
                break;
        }

        if (!ReferenceEquals(publishedBefore, state.PublishedVersion))
        {
            foreach (var indexer in indexers)
                await indexer.IndexAsync(contentItemId, header.ContentType, state.PublishedVersion, isNew, cancellationToken);
        }

        header.Status = to;
        header.Revision++;
        header.ModifiedUtc = stamp.Now;
        // Any editor move but saving a draft settles a pending schedule (published, taken down or deleted).
        // Imports skip the lookup; the scheduler drops a schedule whose item has nothing left to publish.
        if (action != ContentAction.SaveDraft && !stamp.KeepImportedIdsAndDates) await CancelScheduleAsync(contentItemId, cancellationToken);
        if (stamp.Audited)
        {
            var subject = (state.LatestVersion ?? latestBefore ?? state.PublishedVersion)?.DisplayText;
            audit.Add(stamp.User, AuditTrail.Categories.Content, action.ToString(), contentItemId, subject,
                $"{header.ContentType}: {from?.ToString() ?? "(new)"} -> {to}{(stamp.Note is null ? "" : ". " + stamp.Note)}",
                latestBefore?.ContentItemVersionId,
                (action is ContentAction.Publish or ContentAction.PublishEarlierVersion ? state.PublishedVersion : state.LatestVersion ?? state.PublishedVersion)?.ContentItemVersionId);
        }

        // Checked first: an import writes thousands of items with this level off (the CLI logs warnings only).
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("Content {ContentItemId} ({ContentType}) {Action}: {From} -> {To}, version {ContentItemVersionId}, by {User}",
                contentItemId, header.ContentType, action, from?.ToString() ?? "(new)", to, state.LatestVersion?.ContentItemVersionId, stamp.User ?? "(system)");
        return null;
    }

    private async Task CancelScheduleAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var schedule = await db.ScheduledPublications.AsTracking().FirstOrDefaultAsync(s => s.ContentItemId == contentItemId, cancellationToken);
        if (schedule is not null) db.ScheduledPublications.Remove(schedule);
    }

    private ContentItemRecord NewHeader(string id, ContentItem content, VersionStamp stamp)
    {
        var header = new ContentItemRecord
        {
            ContentItemId = id,
            ContentType = content.ContentType,
            CreatedUtc = stamp.KeepImportedIdsAndDates && content.CreatedUtc is { } created ? created : stamp.Now,
            ModifiedUtc = stamp.Now,
            Owner = content.Owner ?? stamp.User,
        };
        rows.Add(header);
        return header;
    }

    private void AddVersion(ItemState state, ContentItemRecord header, ContentItem content, bool published, VersionStamp stamp)
    {
        var previousPublishedUtc = state.PublishedVersion?.PublishedUtc;
        var record = new ContentVersionRecord
        {
            ContentItemId = header.ContentItemId,
            ContentItemVersionId = stamp.KeepImportedIdsAndDates && !string.IsNullOrWhiteSpace(content.ContentItemVersionId) ? content.ContentItemVersionId : IdGenerator.NewId(),
            Number = ++state.MaxNumber,
            ContentType = header.ContentType,
            DisplayText = content.DisplayText,
            Latest = true,
            Published = published,
            Owner = header.Owner,
            Author = stamp.KeepImportedIdsAndDates ? content.Author ?? stamp.User : stamp.User ?? content.Author,
            CreatedUtc = header.CreatedUtc,
            ModifiedUtc = stamp.KeepImportedIdsAndDates && content.ModifiedUtc is { } modified ? modified : stamp.Now,
            // An article keeps the date it was first published unless the content names another.
            PublishedUtc = published ? content.PublishedUtc ?? previousPublishedUtc ?? stamp.Now : content.PublishedUtc,
            Path = content.Path,
            SortOrder = ContentNormalizer.SortOrder(content),
            Data = content.ContentJson(),
        };

        if (state.LatestVersion is { } latest) latest.Latest = false;
        if (published && state.PublishedVersion is { } old) old.Published = false;
        rows.Add(record);
        state.LatestVersion = record;
        if (published) state.PublishedVersion = record;
    }

    private static void PromoteLatest(ItemState state, DateTime now)
    {
        var latest = state.LatestVersion!;
        if (ReferenceEquals(latest, state.PublishedVersion)) return;
        if (state.PublishedVersion is { } old) old.Published = false;
        latest.Published = true;
        latest.PublishedUtc ??= state.PublishedVersion?.PublishedUtc ?? now;
        state.PublishedVersion = latest;
    }
}
