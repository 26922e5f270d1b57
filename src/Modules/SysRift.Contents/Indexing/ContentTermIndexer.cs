using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SysRift.Core.Data;

namespace SysRift.Contents.Indexing;

/// <summary>Keeps <see cref="ContentTermRecord"/> rows for published items: the terms their blocks give (tags, flags, numbers, picked ids).</summary>
public sealed class ContentTermIndexer(SysRiftDbContext db, NewRows rows, ContentIndexReader reader) : IPublishedContentIndexer
{
    public async Task IndexAsync(string contentItemId, string contentType, ContentVersionRecord? published, bool isNew, CancellationToken cancellationToken)
    {
        if (!isNew)
        {
            // Terms given earlier in this unit of work (an item twice in one recipe) are not stored yet: the delete misses them.
            rows.DiscardUnwritten<ContentTermRecord>(t => t.ContentItemId == contentItemId);
            await db.ContentTerms.Where(t => t.ContentItemId == contentItemId).ExecuteDeleteAsync(cancellationToken);
        }

        if (published is null) return;
        foreach (var (field, value) in (await reader.ReadAsync(published, cancellationToken)).Terms)
            rows.Add(new ContentTermRecord { ContentItemId = contentItemId, ContentType = contentType, Field = field, Value = value });
    }

    /// <summary>Numbers as fixed-width text so that text order is numeric order (for 0 to 99999).</summary>
    public static string SortableNumber(double value) => value.ToString("00000.####", CultureInfo.InvariantCulture);
}
