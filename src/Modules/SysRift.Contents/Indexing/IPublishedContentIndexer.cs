using SysRift.Core.Data;

namespace SysRift.Contents.Indexing;

/// <summary>
/// Told, inside the unit of work, whenever an item's published version changes (published, republished,
/// unpublished, deleted), so derived tables (field terms, search) commit or roll back with the content.
/// </summary>
public interface IPublishedContentIndexer
{
    /// <param name="published">The new published version, or null when nothing is published any more.</param>
    /// <param name="isNew">True when the item did not exist before: there is nothing old to remove.</param>
    Task IndexAsync(string contentItemId, string contentType, ContentVersionRecord? published, bool isNew, CancellationToken cancellationToken);
}
