using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SysRift.Contents.Items;
using SysRift.Core.Data;
using SysRift.Core.Signals;

namespace SysRift.Contents.Publishing;

/// <summary>
/// What visitors may see: published versions only, served from memory. Each answer is kept with what it
/// depends on: an item (looked up by id or path), a type (lists, neighbours, terms of a type) or any item
/// (cross-type lists, a path nobody has yet). A commit retires only the answers that depend on what it
/// changed, race-free (see <see cref="DependencyCache{TValue}"/>), and every answer, from memory or not, is
/// recorded as a dependency of the page being rendered (<see cref="ReadDependencies"/>). Misses read one row
/// by index, never a whole type.
/// </summary>
public sealed class PublishedContent(IServiceScopeFactory scopes, ChangeSignal signal)
{
    private const int MaxEntries = 20_000;
    private readonly DependencyCache<Box> _cache = new(signal, MaxEntries, long.MaxValue);

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);
    private long _hits;
    private long _misses;

    public Task<ContentItem?> ByPathAsync(string path, CancellationToken cancellationToken = default) =>
        GetAsync<ContentItem?>("path:" + path, item => item is null ? [ChangeTopics.Items] : [ChangeTopics.Item(item.ContentItemId)], db => One(db.ContentVersions.Where(v => v.Path == path && v.Published), cancellationToken));

    public Task<ContentItem?> ByIdAsync(string contentItemId, CancellationToken cancellationToken = default) =>
        GetAsync<ContentItem?>("id:" + contentItemId, _ => [ChangeTopics.Item(contentItemId)], db => One(db.ContentVersions.Where(v => v.ContentItemId == contentItemId && v.Published), cancellationToken));

    /// <summary>All published items of a small, ordered type (principles, timeline...), by Order then title.</summary>
    public Task<IReadOnlyList<ContentItem>> AllAsync(string contentType, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ContentItem>>("all:" + contentType, _ => [ChangeTopics.Type(contentType)], async db =>
            (await db.ContentVersions.Where(v => v.ContentType == contentType && v.Published)
                .OrderBy(v => v.SortOrder).ThenBy(v => v.DisplayText).Take(500).ToListAsync(cancellationToken))
            .Select(ContentVersionMapper.ToSharedItem).ToList());

    /// <summary>One page of a type's published items, newest first; optionally only those with a field term.</summary>
    public Task<ContentPage> PageAsync(string contentType, int page, int pageSize, string? field = null, string? value = null, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        return GetAsync($"page:{contentType}:{page}:{pageSize}:{field}:{value}", _ => [ChangeTopics.Type(contentType)], async db =>
        {
            var query = db.ContentVersions.Where(v => v.ContentType == contentType && v.Published);
            if (field is not null && value is not null)
                query = query.Where(v => db.ContentTerms.Any(t => t.ContentItemId == v.ContentItemId && t.ContentType == contentType && t.Field == field && t.Value == value));
            var total = await query.CountAsync(cancellationToken);
            var items = await query.OrderByDescending(v => v.PublishedUtc).ThenByDescending(v => v.Id)
                .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            return new ContentPage(items.Select(ContentVersionMapper.ToSharedItem).ToList(), page, pageSize, total);
        });
    }

    /// <summary>One page of published items of any type that carry <paramref name="value"/> as a term (a taxonomy term's id), newest first.</summary>
    public Task<ContentPage> TaggedAsync(string value, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        pageSize = Math.Clamp(pageSize, 1, 100);
        return GetAsync($"tagged:{value}:{page}:{pageSize}", _ => [ChangeTopics.Items], async db =>
        {
            var query = db.ContentVersions.Where(v => v.Published && db.ContentTerms.Any(t => t.ContentItemId == v.ContentItemId && t.Value == value));
            var total = await query.CountAsync(cancellationToken);
            var items = await query.OrderByDescending(v => v.PublishedUtc).ThenByDescending(v => v.Id)
                .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            return new ContentPage(items.Select(ContentVersionMapper.ToSharedItem).ToList(), page, pageSize, total);
        });
    }

    /// <summary>Published items holding a field term, in term order ("Article.StartHere"), or with one value ("Article.Flagship" = "true").</summary>
    public Task<IReadOnlyList<ContentItem>> ByTermAsync(string contentType, string field, string? value = null, int take = 12, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ContentItem>>($"term:{contentType}:{field}:{value}:{take}", _ => [ChangeTopics.Type(contentType)], async db =>
        {
            var terms = db.ContentTerms.Where(t => t.ContentType == contentType && t.Field == field);
            if (value is not null) terms = terms.Where(t => t.Value == value);
            var ordered = await terms.OrderBy(t => t.Value).ThenBy(t => t.ContentItemId).Select(t => t.ContentItemId).Take(take).ToListAsync(cancellationToken);
            var records = await db.ContentVersions.Where(v => ordered.Contains(v.ContentItemId) && v.Published).ToListAsync(cancellationToken);
            return ordered.Select(id => records.FirstOrDefault(r => r.ContentItemId == id)).Where(r => r is not null).Select(r => ContentVersionMapper.ToSharedItem(r!)).ToList();
        });

    /// <summary>The distinct values of a field term with how many published items carry each (filter menus).</summary>
    public Task<IReadOnlyList<(string Value, int Count)>> TermValuesAsync(string contentType, string field, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<(string Value, int Count)>>($"values:{contentType}:{field}", _ => [ChangeTopics.Type(contentType)], async db =>
            (await db.ContentTerms.Where(t => t.ContentType == contentType && t.Field == field)
                .GroupBy(t => t.Value).Select(g => new { g.Key, Count = g.Count() }).OrderBy(g => g.Key).Take(200).ToListAsync(cancellationToken))
            .Select(g => (g.Key, g.Count)).ToList());

    /// <summary>Published items by id, in the order asked (content picker fields).</summary>
    public Task<IReadOnlyList<ContentItem>> ByIdsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default) =>
        GetAsync<IReadOnlyList<ContentItem>>("ids:" + string.Join(',', ids), _ => ids.Select(ChangeTopics.Item).ToArray(), async db =>
        {
            var records = await db.ContentVersions.Where(v => ids.Contains(v.ContentItemId) && v.Published).ToListAsync(cancellationToken);
            return ids.Select(id => records.FirstOrDefault(r => r.ContentItemId == id)).Where(r => r is not null).Select(r => ContentVersionMapper.ToSharedItem(r!)).ToList();
        });

    /// <summary>The next older and next newer published item of the same type, by publication date.</summary>
    public Task<(ContentItem? Older, ContentItem? Newer)> NeighboursAsync(ContentItem item, CancellationToken cancellationToken = default) =>
        GetAsync<(ContentItem?, ContentItem?)>("next:" + item.ContentItemId, _ => [ChangeTopics.Type(item.ContentType)], async db =>
        {
            var type = item.ContentType;
            var at = item.PublishedUtc ?? DateTime.MinValue;
            var older = await db.ContentVersions.Where(v => v.ContentType == type && v.Published && v.PublishedUtc < at)
                .OrderByDescending(v => v.PublishedUtc).FirstOrDefaultAsync(cancellationToken);
            var newer = await db.ContentVersions.Where(v => v.ContentType == type && v.Published && v.PublishedUtc > at)
                .OrderBy(v => v.PublishedUtc).FirstOrDefaultAsync(cancellationToken);
            return (older is null ? null : ContentVersionMapper.ToSharedItem(older), newer is null ? null : ContentVersionMapper.ToSharedItem(newer));
        });

    private static async Task<ContentItem?> One(IQueryable<ContentVersionRecord> query, CancellationToken cancellationToken)
    {
        var record = await query.FirstOrDefaultAsync(cancellationToken);
        return record is null ? null : ContentVersionMapper.ToSharedItem(record);
    }

    private async Task<T> GetAsync<T>(string key, Func<T, string[]> dependsOn, Func<SysRiftDbContext, Task<T>> load)
    {
        if (_cache.TryGet(key, out var cached, out var topics))
        {
            Interlocked.Increment(ref _hits);
            ReadDependencies.Record(topics);
            return (T)cached.Value!;
        }

        Interlocked.Increment(ref _misses);
        // Read the sequence before the data: if a commit lands in between, the answer is handed to this
        // caller (its render is then refused by the page cache too) but not kept.
        var readAt = signal.Sequence;
        ReadDependencies.TrackReadsHere();
        await using var scope = scopes.CreateAsyncScope();
        var value = await load(scope.ServiceProvider.GetRequiredService<SysRiftDbContext>());
        var dependencies = dependsOn(value);
        ReadDependencies.Record(dependencies);
        _cache.TryAdd(key, new Box(value), 0, dependencies, readAt);
        return value;
    }

    private sealed record Box(object? Value);
}

/// <summary>A page of items and where it sits in the whole list.</summary>
public sealed record ContentPage(IReadOnlyList<ContentItem> Items, int Page, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < PageCount;
}
