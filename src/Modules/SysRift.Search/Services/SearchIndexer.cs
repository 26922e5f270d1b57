using Microsoft.EntityFrameworkCore;
using SysRift.Contents.Indexing;
using SysRift.Core.Data;

namespace SysRift.Search.Services;

/// <summary>Keeps the full-text index in step with published, routable content, inside the content's transaction.</summary>
public sealed class SearchIndexer(SysRiftDbContext db, ContentIndexReader reader) : IPublishedContentIndexer
{
    public async Task IndexAsync(string contentItemId, string contentType, ContentVersionRecord? published, bool isNew, CancellationToken cancellationToken)
    {
        if (!isNew)
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM \"SearchIndex\" WHERE \"ContentItemId\" = {contentItemId}", cancellationToken);
        if (published is null || string.IsNullOrEmpty(published.Path)) return;

        var document = SearchDocument.From(published, await reader.ReadAsync(published, cancellationToken));
        // The same statement serves FTS5 and PostgreSQL (where the tsvector column is generated).
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "SearchIndex" ("ContentItemId", "ContentType", "Path", "Title", "Text", "Body", "Tags")
            VALUES ({document.ContentItemId}, {document.ContentType}, {document.Path}, {document.Title}, {document.Text}, {document.Body}, {document.Tags})
            """, cancellationToken);
    }
}
