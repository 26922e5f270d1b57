using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Indexing;
using SysRift.Contents.Items;
using SysRift.Contents.Lifecycle;
using SysRift.Core.Data;
using SysRift.Core.Documents;
using SysRift.Core.Signals;
using SysRift.Core.Site;
using SysRift.Recipes.Execution;

namespace SysRift.Recipes.Steps;

/// <summary>
/// Applies content entries in chunks, each once it is admitted (nothing blocks the recipe): the rows a chunk
/// needs are loaded in three queries, every entry goes through <see cref="ContentWriter"/> (the same lifecycle
/// rules as the editor), and the chunk is saved in one round trip. Runs inside the recipe's transaction, so a
/// failure or a refusal rolls all of it back.
/// </summary>
public sealed class ContentImporter(SysRiftDbContext db, NewRows rows, ContentWriter writer, ContentIndexReader indexReader, DocumentStore documents, PendingChanges pending, TimeProvider clock)
{
    public const int ChunkSize = 500;

    /// <param name="entries">Read lazily, a chunk at a time: only one chunk's items (and those read ahead) are in memory.</param>
    /// <param name="total">How many there are, for progress reports.</param>
    /// <param name="admit">
    /// Asked before each chunk is written (the site checks its claims): false means something blocks the recipe,
    /// and from then on nothing is written; the remaining chunks are still passed to it, to be checked and reported.
    /// </param>
    public async Task<string> ImportAsync(IAsyncEnumerable<RecipeContentEntry> entries, int total, RecipeOptions options, Func<RecipeContentEntry[], CancellationToken, Task<bool>> admit, CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, unchanged = 0, done = 0;
        var writing = true;
        string? home = null;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await foreach (var chunk in entries.Chunk(ChunkSize).WithCancellation(cancellationToken))
            {
                writing = await admit(chunk, cancellationToken) && writing;
                if (writing) await WriteAsync(chunk);
                done += chunk.Length;
                options.Progress?.Report((done, total));
            }
        }
        finally
        {
            rows.StopCollecting();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        if (!writing) return "Content: refused, nothing written.";
        if (home is not null) await SetHomeAsync(home, cancellationToken);
        if (created + updated > 0) pending.Add(ChangeTopics.Content);
        return $"Content: {created} created, {updated} updated, {unchanged} unchanged.";

        async Task WriteAsync(RecipeContentEntry[] chunk)
        {
            var states = await writer.LoadAsync(chunk.Select(e => e.Item.ContentItemId).ToList(), cancellationToken);
            var takenVersionIds = await TakenVersionIdsAsync(chunk, cancellationToken);
            // New rows are collected, not tracked, and go in as multi-row inserts after SaveChanges has written
            // the changes to existing rows (a version that stops being the published one frees its path first).
            rows.Collect(typeof(ContentItemRecord), typeof(ContentVersionRecord), typeof(ContentTermRecord));
            foreach (var entry in chunk)
            {
                var state = states[entry.Item.ContentItemId];
                if (entry.Indexed is { } indexed) indexReader.Expect(indexed);
                var outcome = await ApplyAsync(state, entry, takenVersionIds, options, cancellationToken);
                if (outcome == Outcome.Created) created++;
                else if (outcome == Outcome.Updated) updated++;
                else unchanged++;
                if (entry.Publish && ContentNormalizer.SetsHomepage(entry.Item)) home = entry.Item.ContentItemId;
            }

            var inserts = rows.TakeCollected();
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
            await inserts.InsertAsync(db, cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    private enum Outcome { Created, Updated, Unchanged }

    private async Task<Outcome> ApplyAsync(ItemState state, RecipeContentEntry entry, HashSet<string> takenVersionIds, RecipeOptions options, CancellationToken cancellationToken)
    {
        var item = entry.Item;
        var isNew = state.Header is null;
        if (IsUnchanged(state, entry)) return Outcome.Unchanged;

        // A version id already in the database belongs to another version: this content gets a new one.
        if (!takenVersionIds.Add(item.ContentItemVersionId)) item.ContentItemVersionId = "";
        var stamp = new ContentWriter.VersionStamp(options.User, clock.GetUtcNow().UtcDateTime, KeepImportedIdsAndDates: true, Audited: false);
        if (state.Status == ContentStatus.Deleted) await Require(writer.ApplyAsync(state, item.ContentItemId, ContentAction.Restore, null, stamp, cancellationToken), entry);
        if (state.Header is { } header && header.ContentType != item.ContentType)
            throw new RecipeApplyException($"data[{entry.Index}]: item {item.ContentItemId} is a {header.ContentType} on this site, not a {item.ContentType}.");

        var action = entry.Publish ? ContentAction.Publish : ContentAction.SaveDraft;
        await Require(writer.ApplyAsync(state, item.ContentItemId, action, item, stamp, cancellationToken), entry);
        return isNew ? Outcome.Created : Outcome.Updated;
    }

    private static bool IsUnchanged(ItemState state, RecipeContentEntry entry)
    {
        if (state.Status is null or ContentStatus.Deleted) return false;
        var target = entry.Publish ? state.PublishedVersion : state.LatestVersion;
        if (target is null) return false;
        var stateMatches = entry.Publish ? true : !target.Published;
        return stateMatches && target.DisplayText == entry.Item.DisplayText && target.Data == entry.Item.ContentJson()
               && (!entry.Latest || ReferenceEquals(target, state.LatestVersion));
    }

    private static async Task Require(Task<string?> move, RecipeContentEntry entry)
    {
        if (await move is { } refusal)
            throw new RecipeApplyException($"data[{entry.Index}] ({entry.Item.ContentItemId}): cannot apply: {refusal}.");
    }

    private async Task<HashSet<string>> TakenVersionIdsAsync(RecipeContentEntry[] chunk, CancellationToken cancellationToken)
    {
        var ids = chunk.Select(e => e.Item.ContentItemVersionId).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        var taken = ids.Count == 0 ? [] : await db.ContentVersions.Where(v => ids.Contains(v.ContentItemVersionId)).Select(v => v.ContentItemVersionId).ToListAsync(cancellationToken);
        return new HashSet<string>(taken, StringComparer.Ordinal) { "" };
    }

    private async Task SetHomeAsync(string contentItemId, CancellationToken cancellationToken)
    {
        var site = await documents.GetAsync<SiteSettings>(SiteSettings.DocumentName, cancellationToken) ?? new SiteSettings();
        site.HomeRoute = SiteSettings.HomeRouteFor(contentItemId);
        await documents.SaveAsync(SiteSettings.DocumentName, site, ChangeTopics.Site, cancellationToken);
    }
}

/// <summary>A recipe that validated but could not be applied; the transaction is rolled back.</summary>
public sealed class RecipeApplyException(string message) : Exception(message);
