using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Contents.Media;

/// <summary>
/// Where each media file is used: the items whose current draft or live version names it (its URL "/media/x"
/// in Markdown or HTML, or its path in a MediaField). Files no item uses are orphans. It reads every current
/// version once per call: right for a personal site's library page, not for a hot path.
/// </summary>
public sealed class MediaUsage(SysRiftDbContext db)
{
    public sealed record User(string ContentItemId, string DisplayText, string ContentType);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<User>>> OfAsync(IEnumerable<string> names, CancellationToken cancellationToken = default)
    {
        var versions = await db.ContentVersions.AsNoTracking().Where(v => v.Latest || v.Published)
            .Join(db.ContentItems.AsNoTracking().Where(i => i.Status != ContentStatus.Deleted), v => v.ContentItemId, i => i.ContentItemId, (v, _) => v)
            .Select(v => new { v.ContentItemId, v.DisplayText, v.ContentType, v.Data, v.Latest }).ToListAsync(cancellationToken);
        return names.ToDictionary(name => name, name => (IReadOnlyList<User>)versions
            .Where(v => v.Data.Contains("/media/" + name, StringComparison.Ordinal) || v.Data.Contains('"' + name + '"', StringComparison.Ordinal))
            .GroupBy(v => v.ContentItemId)
            .Select(g => g.OrderByDescending(v => v.Latest).First())
            .Select(v => new User(v.ContentItemId, v.DisplayText, v.ContentType))
            .OrderBy(u => u.DisplayText, StringComparer.CurrentCultureIgnoreCase)
            .ToList(), StringComparer.Ordinal);
    }
}
